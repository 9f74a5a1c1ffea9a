/**
 * Each optimizer's update in TeX, as the book's common/optimizer.py computes it (g = ∂L/∂W,
 * η = learning rate; the ε = 10⁻⁷ sits where the book puts it).
 */
import type { OptimizerName } from '../../nn/optimizers';

export const OPTIMIZER_TEX: Record<OptimizerName, string[]> = {
  sgd: ['W \\leftarrow W - \\eta\\, g'],
  momentum: ['v \\leftarrow \\alpha v - \\eta\\, g', 'W \\leftarrow W + v\\quad(\\alpha = 0.9)'],
  nesterov: ['v \\leftarrow \\alpha v - \\eta\\, g', 'W \\leftarrow W + \\alpha^2 v - (1 + \\alpha)\\,\\eta\\, g'],
  adagrad: ['h \\leftarrow h + g \\odot g', 'W \\leftarrow W - \\eta\\, \\frac{g}{\\sqrt{h} + 10^{-7}}'],
  rmsprop: ['h \\leftarrow \\rho h + (1 - \\rho)\\, g \\odot g', 'W \\leftarrow W - \\eta\\, \\frac{g}{\\sqrt{h} + 10^{-7}}\\quad(\\rho = 0.99)'],
  adam: [
    'm \\leftarrow m + (1 - \\beta_1)(g - m)',
    'v \\leftarrow v + (1 - \\beta_2)(g \\odot g - v)',
    'W \\leftarrow W - \\eta_t \\frac{m}{\\sqrt{v} + 10^{-7}},\\ \\ \\eta_t = \\eta \\frac{\\sqrt{1 - \\beta_2^{\\,t}}}{1 - \\beta_1^{\\,t}}',
  ],
};

/** The book's class names, for the panel titles. */
export const OPTIMIZER_CLASS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};
