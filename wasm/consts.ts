/**
 * Constants the vector kernels use inside their loops, as a table in linear memory. V8 builds
 * a v128 constant from immediates with three or four instructions at every use inside a loop;
 * a load from this table is one (or none: it folds into the arithmetic instruction). Fewer
 * instructions per element let more loop iterations overlap, which is what limits these
 * kernels (each element is a long chain of dependent operations).
 *
 * Each entry is one v128 (both lanes equal); `C_*` are byte offsets into {@link CONSTS}.
 */
export const CONSTS: usize = memory.data<f64>([
  704.0, 704.0, // C_VECTOR_LIMIT
  0.3465735912322998, 0.3465735912322998, // C_REDUCE_FROM: high word 0x3FD62E43, just above ln2/2
  1.44269504088896338700e+00, 1.44269504088896338700e+00, // C_INV_LN2
  0.5, 0.5, // C_HALF
  6.93147180369123816490e-01, 6.93147180369123816490e-01, // C_LN2_HI
  1.90821492927058770002e-10, 1.90821492927058770002e-10, // C_LN2_LO
  4.13813679705723846039e-08, 4.13813679705723846039e-08, // C_P5
  -1.65339022054652515390e-06, -1.65339022054652515390e-06, // C_P4
  6.61375632143793436117e-05, 6.61375632143793436117e-05, // C_P3
  -2.77777777770155933842e-03, -2.77777777770155933842e-03, // C_P2
  1.66666666666666019037e-01, 1.66666666666666019037e-01, // C_P1
  2.0, 2.0, // C_TWO
  1.0, 1.0, // C_ONE
  2.718281828459045, 2.718281828459045, // C_E
  3.725290298461914e-9, 3.725290298461914e-9, // C_TINY: 2^-28
  6755399441055744.0, 6755399441055744.0, // C_MAGIC: 1.5·2^52, turns a small integral double into its integer bits
  -0.0, -0.0, // C_SIGN
  1e-7, 1e-7, // C_EPS
], 16);

export const C_VECTOR_LIMIT: usize = 0;
export const C_REDUCE_FROM: usize = 16;
export const C_INV_LN2: usize = 32;
export const C_HALF: usize = 48;
export const C_LN2_HI: usize = 64;
export const C_LN2_LO: usize = 80;
export const C_P5: usize = 96;
export const C_P4: usize = 112;
export const C_P3: usize = 128;
export const C_P2: usize = 144;
export const C_P1: usize = 160;
export const C_TWO: usize = 176;
export const C_ONE: usize = 192;
export const C_E: usize = 208;
export const C_TINY: usize = 224;
export const C_MAGIC: usize = 240;
export const C_SIGN: usize = 256;
export const C_EPS: usize = 272;

/** The integer 1023 (the exponent bias) in both 64-bit lanes. */
export const EXP_BIAS: usize = memory.data<i64>([1023, 1023], 16);
