import type { RenderedFile, RenderTask } from '../forms/render-task.js';
import type { ComplaintMonthPdf, ComplaintMonthTask } from '../reports/render-complaint-month.js';

/** Work that can run on any thread: plain data in, plain data out. */
export type Job = { readonly kind: 'forms'; readonly task: RenderTask } | { readonly kind: 'complaint-month'; readonly task: ComplaintMonthTask };
export type JobResult = { readonly kind: 'forms'; readonly files: RenderedFile[] } | { readonly kind: 'complaint-month'; readonly pack: ComplaintMonthPdf };

/** Runs a job in this thread; the modules of each kind load on first use. */
export async function runJob(job: Job): Promise<JobResult> {
  switch (job.kind) {
    case 'forms': {
      const { runRenderTask } = await import('../forms/render-task.js');
      return { kind: 'forms', files: await runRenderTask(job.task) };
    }
    case 'complaint-month': {
      const { renderComplaintMonthTask } = await import('../reports/render-complaint-month.js');
      return { kind: 'complaint-month', pack: await renderComplaintMonthTask(job.task) };
    }
  }
}

/** The byte buffers of a result, moved rather than copied back to the main thread. */
export function resultBuffers(result: JobResult): ArrayBuffer[] {
  return result.kind === 'forms' ? result.files.map((f) => f.bytes.buffer as ArrayBuffer) : [result.pack.pdf.buffer as ArrayBuffer];
}
