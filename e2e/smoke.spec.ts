import { expect, test } from '@playwright/test';

test('the page loads in a real Chromium', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'wiretrace' })).toBeVisible();
  expect(errors).toEqual([]);
});
