import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type LoadedConfig } from '../config/load-config.js';
import { createFileWriter } from '../emit/output-writer.js';
import { checkOutputPlace, lockOutputFolder, openBuildFolder, recoverOutputFolder, type BuildFolder } from '../emit/output-folder.js';
import { InputFolderError } from '../ingest/input-files.js';
import type { Lang } from '../model/lang.js';
import { packageVersion } from '../paths.js';
import { emitBuild } from '../pipeline/build.js';
import { checkHeadline, runCheck, type CheckResult, type Headline } from '../pipeline/check.js';
import type { Workspace } from './workspace.js';
import { existsSync } from 'node:fs';

/** The check of the workspace as it is now, or why it could not be done. */
export type CheckState =
  | { readonly ok: true; readonly loaded: LoadedConfig; readonly result: CheckResult; readonly headline: Headline; readonly asOf: string }
  | { readonly ok: false; readonly reason: 'config'; readonly issues: readonly { path: string; message: string }[] }
  | { readonly ok: false; readonly reason: 'input'; readonly message: string };

export interface BuildEvent {
  readonly kind: 'start' | 'progress' | 'done' | 'failed';
  readonly stage?: string;
  readonly done?: number;
  readonly total?: number;
  readonly message?: string;
  readonly files?: number;
}

export interface SessionOptions {
  readonly workspace: Workspace;
  /** Fixed as-of date (--as-of), or null for today's date at each check. */
  readonly asOf: string | null;
  readonly today: () => string;
}

/**
 * The workbench's state: the latest check (recomputed after every change of the inputs or the
 * configuration) and the one build that may run at a time, whose progress is broadcast.
 */
export class Session {
  private cached: { lang: Lang; state: CheckState } | null = null;
  private building = false;
  readonly events = new EventEmitter();
  lastBuild: BuildEvent | null = null;

  constructor(readonly options: SessionOptions) {
    this.events.setMaxListeners(50);
  }

  get workspace(): Workspace {
    return this.options.workspace;
  }

  get isBuilding(): boolean {
    return this.building;
  }

  /** Drops the cached check: an input file or the configuration changed. */
  invalidate(): void {
    this.cached = null;
  }

  asOf(): string {
    return this.options.asOf ?? this.options.today();
  }

  check(lang: Lang): CheckState {
    if (this.cached && this.cached.lang === lang && (this.options.asOf !== null || (this.cached.state.ok && this.cached.state.asOf === this.asOf())))
      return this.cached.state;
    const state = this.runCheck(lang);
    this.cached = { lang, state };
    return state;
  }

  /** The configuration file's JSON as written (for the settings form), or {} when there is none. */
  configSpec(): unknown {
    const file = this.workspace.configFile;
    if (!existsSync(file)) return {};
    try {
      return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    } catch {
      return {};
    }
  }

  private runCheck(lang: Lang): CheckState {
    const ws = this.workspace;
    let loaded: LoadedConfig;
    try {
      loaded = loadConfig(existsSync(ws.configFile) ? ws.configFile : null, lang);
    } catch (error) {
      if (error instanceof ConfigError) return { ok: false, reason: 'config', issues: error.issues };
      throw error;
    }
    const asOf = this.asOf();
    try {
      const result = runCheck({ input: ws.input, config: loaded.config, asOf, lang });
      return { ok: true, loaded, result, headline: checkHeadline(result, loaded.config), asOf };
    } catch (error) {
      if (error instanceof InputFolderError) return { ok: false, reason: 'input', message: error.message };
      throw error;
    }
  }

  /**
   * Starts a build in the background; false when one is running already. Progress and the end
   * go to `events` ('build'); the files written are those of `qmsdoc build`.
   */
  startBuild(lang: Lang, describeFailure: (error: unknown) => string): boolean {
    if (this.building) return false;
    const state = this.check(lang);
    if (!state.ok) return false;
    this.building = true;
    const emit = (event: BuildEvent) => {
      this.lastBuild = event;
      this.events.emit('build', event);
    };
    emit({ kind: 'start' });
    const config = state.loaded;
    void (async () => {
      let folder: BuildFolder | null = null;
      try {
        // As `qmsdoc build`: the output folder locked, written into a staging folder, switched in whole.
        checkOutputPlace(this.workspace.output, this.workspace.input, false);
        folder = openBuildFolder(this.workspace.output);
        await emitBuild(
          state.result,
          {
            config: config.config,
            lang,
            asOf: state.asOf,
            configSource: { file: config.file === null ? null : 'qmsdoc.config.json', sha256: config.sha256 },
            filledForms: true,
            toolVersion: packageVersion(),
            onProgress: (stage, done, total) => emit({ kind: 'progress', stage, done, total }),
          },
          folder.writer,
        );
        folder.commit();
        emit({ kind: 'done', files: folder.writer.written.length });
      } catch (error) {
        folder?.abort();
        emit({ kind: 'failed', message: describeFailure(error) });
      } finally {
        this.building = false;
      }
    })();
    return true;
  }

  /**
   * The blank controlled forms and their print pack into <output>/forms/blank/, as `build`
   * writes them; null when a build is running (one job at a time).
   */
  async renderBlankForms(lang: Lang): Promise<readonly string[] | null> {
    const state = this.check(lang);
    if (this.building || !state.ok) return null;
    this.building = true;
    try {
      const { emitBlankForms, selectBlankForms } = await import('../pipeline/blank-forms.js');
      const config = state.loaded.config;
      checkOutputPlace(this.workspace.output, this.workspace.input, false);
      // As `qmsdoc forms`: single files written under the output folder's lock.
      const release = lockOutputFolder(this.workspace.output, { waitMs: 120_000 });
      try {
        recoverOutputFolder(this.workspace.output);
        const writer = createFileWriter(this.workspace.output);
        await emitBlankForms(selectBlankForms(config, []), { config, lang, asOf: state.asOf }, writer, 'forms/blank/');
        return writer.written.map((f) => f.path);
      } finally {
        release();
      }
    } finally {
      this.building = false;
    }
  }
}
