import { E2E_ADMIN, expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

/**
 * Versions as a person meets them (issue 14): edits autosave a draft, not a version; Save makes a
 * version with a message; reopening shows the draft with Discard; Deploy makes a version of the
 * draft; the history shows messages, author, time and which version is deployed and current, and
 * the changes between two versions (the changed step and the generated code's lines).
 */
test('edits are a draft; Save and Deploy make versions; history shows who, what, deployed; the diff names the changed step', async ({ page }) => {
  test.setTimeout(240_000);
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  expect(await designer.waitSaved()).toBe(1);
  const designId = page.url().split('/').pop()!;
  const versionCount = async () => (await (await page.request.get(`/api/designs/${designId}/versions`)).json()).versions.length;

  // Several edits: one draft, no new version.
  await designer.selectNode('await-approval');
  await designer.fill('label', 'Await the manager');
  await expect(designer.saveState).toHaveText('Draft — unsaved changes since v1');
  await designer.fill('label', 'Await the manager!');
  await designer.fill('label', 'Await the manager');
  await expect(designer.saveState).toHaveText('Draft — unsaved changes since v1');
  expect(await versionCount()).toBe(1);
  await page.screenshot({ path: 'test-results/versions-draft.png' });

  // Save with a message makes v2.
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-version-dialog')).toContainText('Save a version (v2)');
  await page.screenshot({ path: 'test-results/versions-save-dialog.png' });
  await page.getByTestId('save-version-message').fill('The manager approves');
  await page.getByTestId('save-version-confirm').click();
  await expect(designer.saveState).toHaveText('Saved v2');
  expect(await versionCount()).toBe(2);

  // A draft survives a reload and says so; Discard returns to v2.
  await designer.selectNode('await-approval');
  await designer.fill('label', 'Throwaway label');
  await expect(designer.saveState).toHaveText('Draft — unsaved changes since v2');
  await page.reload();
  await expect(designer.saveState).toHaveText('Draft — unsaved changes since v2');
  await expect(designer.node('await-approval')).toContainText('Throwaway label');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('discard-draft').click();
  await expect(designer.saveState).toHaveText('Saved v2');
  await expect(designer.node('await-approval')).toContainText('Await the manager');

  // Deploy from a draft makes v3 of it and deploys v3.
  await designer.selectNode('await-approval');
  await designer.fill('label', 'Await the manager or a deputy');
  await expect(designer.saveState).toHaveText('Draft — unsaved changes since v2');
  await designer.deploy();
  await expect(designer.saveState).toHaveText('Saved v3');

  // History: message, author, deployed/current marker.
  await designer.designMenu('history-button');
  const rows = page.getByTestId('version-row');
  await expect(rows).toHaveCount(3);
  const v3 = page.locator('[data-testid="version-row"][data-version="3"]');
  await expect(v3.getByTestId('version-message')).toHaveText('Saved by Deploy');
  await expect(v3.getByTestId('version-current')).toHaveText('deployed · current');
  const v2 = page.locator('[data-testid="version-row"][data-version="2"]');
  await expect(v2.getByTestId('version-message')).toHaveText('The manager approves');
  await expect(v2.getByTestId('version-author')).toHaveText(E2E_ADMIN.displayName);
  await expect(page.locator('[data-testid="version-row"][data-version="1"]').getByTestId('version-message')).toHaveText('No message');

  // The diff of v1 → v2 names the changed step and shows the generated code's changed line.
  await page.getByTestId('diff-from').selectOption('1');
  await page.getByTestId('diff-to').selectOption('2');
  await page.getByTestId('diff-show').click();
  const diff = page.getByTestId('version-diff');
  await expect(diff.getByTestId('diff-summary')).toContainText('Step "Await the manager" changed: label');
  await expect(diff.getByTestId('code-diff-file').first()).toContainText("stepTracker.enterWaiting('await-approval', 'Await the manager');");
  await page.screenshot({ path: 'test-results/versions-history-diff.png' });
});
