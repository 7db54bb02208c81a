import type { Config } from '../../config/config.js';
import { configJsonSchema, renderConfigForm } from '../config-form.js';
import { h, type Safe } from '../html.js';
import type { CheckState } from '../session.js';
import { headlineBlock } from './check-page.js';
import { layout, type PageContext } from './layout.js';

/** 设置: the headline (to see a change take effect) and the configuration form. */
export function settingsPage(ctx: PageContext, state: CheckState, spec: unknown, effective: Config | null): Safe {
  const { t } = ctx;
  const body = h`
  ${headlineBlock(ctx, state)}
  <p class="hint">${t('settingsIntro')}</p>
  ${renderConfigForm(configJsonSchema(), spec, effective ?? ({} as Config), t, ctx.lang)}`;
  return layout(ctx, 'settings', t('settingsTitle'), body);
}
