import { test, expect, openPage } from './fixtures';

// NumPy's texts, character for character (see tests/unit/reader/ndarray_golden.json).
const BROADCAST_ERR = 'operands could not be broadcast together with shapes (2,3) (2,) ';
// Checked with Debian's NumPy 1.24 and with NumPy 2.4: the same text, trailing space included.
const BROADCAST_4D_ERR = 'operands could not be broadcast together with shapes (8,1,6,1) (7,2,5) ';
const MATMUL_ERR = 'matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)';
const DOT_ERR = 'shapes (2,3) and (2,4) not aligned: 3 (dim 1) != 2 (dim 0)';

test.describe('§1.1 widgets', () => {
  test('array inspector shows shape and ndim of a typed array, and a message for bad input', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="array-inspector"]');
    const input = w.getByTestId('ai-a-input');
    await input.fill('[[1, 2], [3, 4], [5, 6]]');
    await expect(w.getByTestId('ai-a-props')).toContainText('a.shape(3, 2)');
    await expect(w.getByTestId('ai-a-props')).toContainText('a.ndim2');
    await expect(w.getByTestId('ai-a-grid').locator('td')).toHaveCount(6);
    await input.fill('[[1, 2], [3]]');
    await expect(w.getByTestId('ai-result')).toContainText('inhomogeneous shape after 1 dimensions');
    await input.fill('[1, 2');
    await expect(w.getByTestId('ai-result')).toContainText('never closed');
  });

  test('array inspector computes a * b element-wise and explains a focused cell', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="array-inspector"]');
    await w.getByTestId('ai-a-input').fill('[[1, 2, 3], [4, 5, 6]]');
    await w.getByTestId('ai-b-input').fill('[[2, 2, 2], [10, 10, 10]]');
    await w.getByRole('radio', { name: 'a * b' }).check();
    const cells = w.getByTestId('ai-result-grid').locator('td');
    await expect(cells).toHaveText(['2', '4', '6', '40', '50', '60']);
    await cells.nth(4).focus();
    await expect(w.getByTestId('ai-calc')).toContainText('5 * 10 = 50');
  });

  test('broadcasting presets: matrix × scalar and matrix × vector, with copies drawn as ghosts', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="broadcasting"]');
    await w.getByTestId('broadcast-preset-scalar').click();
    await expect(w.getByTestId('broadcast-result')).toContainText('(2, 2)');
    await expect(w.getByTestId('broadcast-result-grid').locator('td')).toHaveText(['10', '20', '30', '40']);
    await expect(w.getByTestId('broadcast-stretched-b').locator('td.ghost')).toHaveCount(3);
    await w.getByTestId('broadcast-preset-vector').click();
    await expect(w.getByTestId('broadcast-result-grid').locator('td')).toHaveText(['10', '40', '30', '80']);
    await expect(w.getByTestId('broadcast-stretched-b').locator('td.ghost')).toHaveCount(2);
    await expect(w.getByTestId('broadcast-stretched-a').locator('td.ghost')).toHaveCount(0);
  });

  test('broadcasting accepts typed shapes in every spelling and prints NumPy’s result shape or error', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'ja');
    const w = page.locator('[data-widget="broadcasting"]');
    const a = w.getByTestId('broadcast-shape-a');
    const b = w.getByTestId('broadcast-shape-b');
    const result = w.getByTestId('broadcast-result');
    await a.fill('2,3');
    await b.fill('(3,)');
    await expect(result).toContainText('(2, 3)');
    await b.fill('()');
    await expect(result).toContainText('(2, 3)');
    await a.fill('(3,1)');
    await b.fill('(1,4)');
    await expect(result).toContainText('(3, 4)');
    await a.fill('(2,3)');
    await b.fill('(2,)');
    // the exact text, trailing space included
    expect(await result.locator('.error-msg').textContent()).toBe(`ValueError: ${BROADCAST_ERR}`);
    await b.fill('(2');
    await expect(w.getByText('かっこが閉じていません。')).toBeVisible();
  });

  test('broadcasting beyond what can be drawn: NumPy’s (8,1,6,1) with (7,1,5) gives (8, 7, 6, 5), a 4-axis clash gives NumPy’s text', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="broadcasting"]');
    const a = w.getByTestId('broadcast-shape-a');
    const b = w.getByTestId('broadcast-shape-b');
    const result = w.getByTestId('broadcast-result');
    await a.fill('(8,1,6,1)');
    await b.fill('(7,1,5)');
    await expect(result).toContainText('(8, 7, 6, 5)');
    // the shape is answered, only the drawing is skipped, with a line saying why
    await expect(w.getByTestId('broadcast-not-drawn')).toContainText('up to 3 dimensions with at most 6 per axis');
    await expect(w.getByTestId('broadcast-result-grid')).toHaveCount(0);
    await expect(w.getByTestId('broadcast-axes').locator('thead th')).toHaveText(['axis', '-4', '-3', '-2', '-1']);
    await b.fill('(7,2,5)');
    expect(await result.locator('.error-msg').textContent()).toBe(`ValueError: ${BROADCAST_4D_ERR}`);
    await expect(w.getByTestId('broadcast-axes').locator('td.clash')).toHaveText(['✗mismatch']);
    await expect(w.getByTestId('broadcast-not-drawn')).toHaveCount(0);
    // long axes too: a million rows with a (3,) vector
    await a.fill('(1000000, 1)');
    await b.fill('(3,)');
    await expect(result).toContainText('(1000000, 3)');
    // back to a drawable pair: the grids return
    await w.getByTestId('broadcast-preset-vector').click();
    await expect(w.getByTestId('broadcast-result-grid').locator('td')).toHaveText(['10', '40', '30', '80']);
  });

  test('broadcasting: NumPy’s example is a preset, and the 4-axis clash reads the same on the Japanese page', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'ja');
    const w = page.locator('[data-widget="broadcasting"]');
    await w.getByTestId('broadcast-preset-docs').click();
    await expect(w.getByTestId('broadcast-shape-a')).toHaveValue('(8, 1, 6, 1)');
    await expect(w.getByTestId('broadcast-result')).toContainText('(8, 7, 6, 5)');
    await expect(w.getByTestId('broadcast-not-drawn')).toContainText('3 次元まで');
    await w.getByTestId('broadcast-shape-b').fill('7, 2, 5');
    expect(await w.getByTestId('broadcast-result').locator('.error-msg').textContent()).toBe(`ValueError: ${BROADCAST_4D_ERR}`);
  });

  test('axis widget: sum over axis 0 and 1, with and without keepdims, and the shapes that come out', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="axis-explorer"]');
    const out = w.getByTestId('axis-out-grid').locator('td');
    // x = [[1, 2, 3], [4, 5, 6]]; x.sum(axis=0) → [5, 7, 9], shape (3,)
    await expect(w.getByTestId('axis-shapes')).toHaveText('x.sum(axis=0): (2, 3) → (3,)');
    await expect(out).toHaveText(['5', '7', '9']);
    await out.nth(2).hover();
    await expect(w.getByTestId('axis-cell-expr')).toHaveText('result[2]: x[0, 2] + x[1, 2] = 3 + 6 = 9');
    await expect(w.getByTestId('axis-in-grid').locator('td.hl')).toHaveText(['3', '6']);
    await w.getByTestId('axis-axis').getByRole('radio', { name: '1', exact: true }).check();
    await expect(w.getByTestId('axis-shapes')).toHaveText('x.sum(axis=1): (2, 3) → (2,)');
    await expect(out).toHaveText(['6', '15']);
    // without keepdims the row sums do not broadcast back against x; with it they do
    await expect(w.getByTestId('axis-broadcast')).toContainText('ValueError: operands could not be broadcast together with shapes (2,3) (2,) ');
    await w.getByTestId('axis-keepdims').check();
    await expect(w.getByTestId('axis-shapes')).toHaveText('x.sum(axis=1, keepdims=True): (2, 3) → (2, 1)');
    await expect(w.getByTestId('axis-broadcast')).toContainText('(2, 3) / (2, 1) → (2, 3)');
    // keyboard: Tab into the result cells
    await out.nth(1).focus();
    await expect(w.getByTestId('axis-in-grid').locator('td.hl')).toHaveText(['4', '5', '6']);
    // .T and np.repeat
    await w.getByTestId('axis-op').getByRole('radio', { name: 'x.T' }).check();
    await expect(w.getByTestId('axis-shapes')).toHaveText('x.T: (2, 3) → (3, 2)');
    await expect(out).toHaveText(['1', '4', '2', '5', '3', '6']);
    await w.getByTestId('axis-op').getByRole('radio', { name: 'np.repeat' }).check();
    await w.getByTestId('axis-axis').getByRole('radio', { name: '0', exact: true }).check();
    await expect(w.getByTestId('axis-shapes')).toHaveText('np.repeat(x, 2, axis=0): (2, 3) → (4, 3)');
    // an axis the array does not have: NumPy's AxisError text
    await w.getByTestId('axis-axis').getByRole('radio', { name: '2', exact: true }).check();
    await expect(w.getByTestId('axis-error')).toHaveText('AxisError: axis 2 is out of bounds for array of dimension 2');
    // bad input gets a message and the page keeps working
    await w.getByTestId('axis-input').fill('[[1, 2], [3]]');
    await expect(w).toContainText('inhomogeneous shape');
    await w.getByTestId('axis-input').fill('[[1, 2, 3, 4, 5, 6, 7]]');
    await expect(w).toContainText('at most 6 per axis');
  });

  test('broadcasting is operable from the keyboard alone', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="broadcasting"]');
    await w.getByTestId('broadcast-preset-vector').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // column × row preset
    await page.keyboard.press('Enter');
    await expect(w.getByTestId('broadcast-result')).toContainText('(3, 4)');
    // Tab past the last two presets into shape A, then type a new one
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(w.getByTestId('broadcast-shape-a')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('(2,4)');
    await expect(w.getByTestId('broadcast-result')).toContainText('(2, 4)');
    // the operation radios move with arrow keys
    const op = w.getByTestId('broadcast-op');
    await op.locator('input[value="+"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(op.locator('input[value="-"]')).toBeChecked();
  });

  test('products: focusing an output cell highlights its row and column and writes the sum of products', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="products"]');
    const out = w.getByTestId('products-result-grid').locator('td');
    await expect(out).toHaveText(['19', '22', '43', '50']);
    await out.nth(2).focus();
    await expect(w.getByTestId('products-sum')).toContainText('A[1, :] · B[:, 0] = 3×5 + 4×7 = 43');
    await expect(w.getByTestId('products-a-grid').locator('td.hl')).toHaveText(['3', '4']);
    await expect(w.getByTestId('products-b-grid').locator('td.hl')).toHaveText(['5', '7']);
    await out.nth(1).hover();
    await expect(w.getByTestId('products-sum')).toContainText('1×6 + 2×8 = 22');
  });

  test('products: the toggle writes the call as np.dot(A, B) or A @ B, and inner products work', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="products"]');
    await expect(w.getByTestId('products-code')).toHaveText('>>> A @ B');
    await w.getByTestId('products-style').getByRole('radio', { name: 'np.dot(A, B)' }).check();
    await expect(w.getByTestId('products-code')).toHaveText('>>> np.dot(A, B)');
    await w.getByTestId('products-mode').getByRole('radio', { name: 'inner product of vectors' }).check();
    await expect(w.getByTestId('products-code')).toHaveText('>>> np.dot(x, y)');
    await expect(w.getByTestId('products-result-grid').locator('td')).toHaveText(['32']);
    await w.getByTestId('products-a').fill('[1, 2]');
    await expect(w.getByTestId('products-result')).toContainText('shapes (2,) and (3,) not aligned: 2 (dim 0) != 3 (dim 0)');
  });

  test('shape check prints (N, H) or NumPy’s exact @ and np.dot errors', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="shape-check"]');
    await expect(w.getByTestId('shape-check-matmul')).toContainText('(2, 4)');
    await w.getByTestId('shape-check-b-0').fill('2');
    expect(await w.getByTestId('shape-check-matmul').locator('.error-msg').textContent()).toBe(`ValueError: ${MATMUL_ERR}`);
    expect(await w.getByTestId('shape-check-dot').locator('.error-msg').textContent()).toBe(`ValueError: ${DOT_ERR}`);
    // keyboard: arrow up on the number field fixes the mismatch
    await w.getByTestId('shape-check-b-0').focus();
    await page.keyboard.press('ArrowUp');
    await expect(w.getByTestId('shape-check-matmul')).toContainText('(2, 4)');
    // B becomes a vector of its core length: (2, 3) @ (3,) → (2,)
    await w.getByTestId('shape-check-b-ndim').selectOption('1');
    await expect(w.getByTestId('shape-check-dot')).toContainText('(2,)');
    await expect(w.getByTestId('shape-check-matmul')).toContainText('(2,)');
  });

  test('“show the code” reveals the highlighted TypeScript the widget runs, loaded on demand', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'en');
    const w = page.locator('[data-widget="broadcasting"]');
    const code = w.locator('details.show-code');
    await expect(code.locator('pre')).toBeHidden();
    await code.locator('summary').click();
    await expect(code.locator('pre code.hljs')).toBeVisible();
    await expect(code.locator('pre')).toContainText('export function broadcastShapes');
    await expect(code.locator('pre .hljs-keyword').first()).toBeVisible();
    await expect(code).toContainText('src/nn/ndarray.ts');
  });
});
