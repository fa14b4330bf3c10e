import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

test('"Export code" downloads the design as a standalone project zip', async ({ page }) => {
  test.setTimeout(120_000);
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  await designer.expectNoProblems();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-code-button').click()]);
  expect(download.suggestedFilename()).toMatch(/^approval-workflow-v\d+\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files).sort()).toEqual([
    'approval-workflow/.gitignore',
    'approval-workflow/README.md',
    'approval-workflow/package-lock.json',
    'approval-workflow/package.json',
    'approval-workflow/src/activities.ts',
    'approval-workflow/src/client.ts',
    'approval-workflow/src/path-explorer.ts',
    'approval-workflow/src/payload-checks.ts',
    'approval-workflow/src/shared.ts',
    'approval-workflow/src/step-tracking.ts',
    'approval-workflow/src/worker.ts',
    'approval-workflow/src/workflow.test.ts',
    'approval-workflow/src/workflows.ts',
    'approval-workflow/tsconfig.json',
  ]);
  expect(JSON.parse(strFromU8(files['approval-workflow/package.json']!)).scripts.test).toContain('--test');
  expect(strFromU8(files['approval-workflow/src/client.ts']!)).toContain('export async function signalApprove(');
  await expect(page.getByTestId('export-code-button')).toHaveText('Export code');
  await expect(page.getByTestId('export-status')).toHaveCount(0);
});
