import path from 'node:path';
import { checkOutputPlace, openBuildFolder, OutputFolderError, type BuildFolder } from '../../emit/output-folder.js';
import type { Lang } from '../../model/lang.js';
import { TemplateFileError } from '../../document/template-file-error.js';
import { CliError } from '../../issues/cli-error.js';
import { BuildCache, complaintPackMonths, emitBuild } from '../../pipeline/build.js';
import { checkHeadline } from '../../pipeline/check.js';
import { packageVersion } from '../../paths.js';
import type { CliIo } from '../main.js';
import { cliText } from '../cli-text.js';
import { langOption, meetingDateOption, monthsOption, parseOptions, requireOption } from '../options.js';
import { outputFolderFailure } from '../../emit/output-folder-text.js';
import { formatCheckReport } from '../print-check.js';
import { formatGlyphNotes, formatIncremental, formatOutputs } from '../print-outputs.js';
import { createProgress } from '../progress.js';
import { CHECK_OPTIONS, isFileSystemError, outputFailure, prepareRun } from '../run-check-command.js';

/**
 * `qmsdoc build`: the main job — the check, findings.xlsx, the blank and filled controlled forms,
 * the reports, summary.json and manifest.json.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    ...CHECK_OPTIONS,
    output: { type: 'string' },
    'no-filled-forms': { type: 'boolean' },
    month: { type: 'string', multiple: true },
    'meeting-date': { type: 'string' },
    clean: { type: 'boolean' },
  });
  const months = monthsOption(values.month);
  const out = requireOption(values.output, '--output');
  const input = requireOption(values.input, '--input');
  const folder = openOutput(out, input, values.recursive === true, langOption(values.lang) ?? 'zh');
  let prepared;
  try {
    prepared = prepareRun(values);
  } catch (error) {
    folder.abort();
    throw error;
  }
  const { asOf, lang, loaded, result } = prepared;
  const writer = folder.writer;
  let packList: readonly string[];
  let meetingDate: string | undefined;
  try {
    packList = complaintPackMonths(result, loaded.config, asOf, months ?? 'latest');
    meetingDate = meetingDateOption(values['meeting-date'], packList[packList.length - 1]);
  } catch (error) {
    folder.abort();
    throw error;
  }
  const progress = createProgress();
  let report;
  try {
    report = await emitBuild(
      result,
      {
        config: loaded.config,
        lang,
        asOf,
        configSource: { file: configPathForManifest(loaded.file, input), sha256: loaded.sha256 },
        filledForms: values['no-filled-forms'] !== true,
        toolVersion: packageVersion(),
        ...(months === undefined ? {} : { months: packList }),
        ...(meetingDate === undefined ? {} : { meetingDate }),
        onProgress: (stage, done, total) => progress.step(stageLabel(stage, lang), done, total),
        // Documents whose inputs did not change since the last build into this folder are carried over; --clean renders all.
        cache: BuildCache.open(out, { carry: values.clean !== true }),
      },
      writer,
    );
    // Everything is written: the staging folder becomes the output folder in one switch.
    folder.commit();
  } catch (error) {
    folder.abort();
    if (error instanceof OutputFolderError) throw outputFolderFailure(error, lang);
    if (error instanceof TemplateFileError) throw new CliError(cliText(lang)('error.templateFile', { message: error.message }));
    if (isFileSystemError(error)) throw outputFailure(out, error, lang);
    throw error;
  } finally {
    progress.done();
  }
  const headline = checkHeadline(result, loaded.config);
  const text = formatCheckReport(result, {
    input,
    lang,
    headline,
    dimensions: loaded.config.satisfaction.dimensions,
    written: [],
    fullList: `${out}/findings.xlsx`,
    command: 'build',
  });
  io.stdout(text.slice(0, text.lastIndexOf('\n\n') + 1));
  io.stderr(formatGlyphNotes(report.missingGlyphs, lang));
  io.stdout(formatOutputs(out, writer.written, lang));
  io.stdout(formatIncremental(out, report, lang));
  return 0;
}

/** The configuration file as the manifest names it: relative to the input folder when it lies there (as the inputs are), else as found. */
function configPathForManifest(file: string | null, input: string): string | null {
  if (file === null) return null;
  const relative = path.relative(input, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/** The output folder, checked and locked for this build; every reason it cannot be used is a CliError. */
/** A build stage in the progress line; a stage without words shows its id. */
function stageLabel(stage: string, lang: Lang): string {
  const t = cliText(lang);
  const key = `buildStage.${stage}`;
  return t.has(key) ? t(key) : stage;
}

function openOutput(out: string, input: string, recursive: boolean, lang: Lang): BuildFolder {
  try {
    checkOutputPlace(out, input, recursive);
    return openBuildFolder(out);
  } catch (error) {
    if (error instanceof OutputFolderError) throw outputFolderFailure(error, lang);
    if (isFileSystemError(error)) throw outputFailure(out, error, lang);
    throw error;
  }
}
