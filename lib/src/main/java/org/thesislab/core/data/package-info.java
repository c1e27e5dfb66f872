/**
 * Datasets shared by chapters and the in-memory dataset the training loop reads; it reproduces no thesis
 * chapter.
 * <ul>
 *   <li>{@link FashionMnist}: the real Fashion-MNIST from Debian's {@code dataset-fashion-mnist} package (the
 *       tour and flex-tuning).</li>
 *   <li>{@link Idx}: the IDX file format of (Fashion-)MNIST.</li>
 *   <li>{@link TensorDataset}: feature and label tensors indexed by example, batched into a step's scope.</li>
 *   <li>{@link Splits}: seeded index splits and subsampling.</li>
 *   <li>{@link Downloads}: resumable, SHA-256-checked downloads and safe archive extraction, for the thesis
 *       datasets users fetch themselves.</li>
 *   <li>{@link DatasetFetcher}: the command line behind {@code data-scripts/fetch}.</li>
 *   <li>{@link DataFileException}: a missing, truncated or corrupt data file, with the fix in its message.</li>
 * </ul>
 */
package org.thesislab.core.data;
