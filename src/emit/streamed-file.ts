import { memorySink, type ByteSink } from '../zip/zip-stream.js';
import type { OutputWriter, WrittenFile } from './output-writer.js';

/**
 * Writes a file made by `produce` through `writer`: streamed to disk when the writer can stream
 * (the file writer), else made in memory and written whole (memory writers, tests).
 */
export async function writeStreamed(writer: OutputWriter, relativePath: string, produce: (sink: ByteSink) => Promise<void>): Promise<WrittenFile> {
  if (writer.writeStream) return writer.writeStream(relativePath, produce);
  const sink = memorySink();
  await produce(sink);
  return writer.write(relativePath, sink.bytes());
}
