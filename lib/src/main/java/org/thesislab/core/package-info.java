/**
 * What every chapter shares, apart from data, layers and training: the scale and seed of a run, the device and
 * the CPU kernels it runs on, and the record of its results. It reproduces no thesis chapter.
 * <ul>
 *   <li>{@link Scale}: smoke, quick or paper, read from {@code THESISLAB_SCALE}.</li>
 *   <li>{@link Seeds}: the engine's generator and named Java streams, seeded.</li>
 *   <li>{@link Devices}: the first GPU when the engine sees one, else the CPU.</li>
 *   <li>{@link Threads}: PyTorch's intra-op thread count (one on the CPU unless {@code THESISLAB_THREADS}).</li>
 *   <li>{@link CpuKernels}: the pin of oneDNN, ATen and MKL kernels, and the check that it is in place.</li>
 *   <li>{@link Run}: one execution with its results folder (figures, tables, summary.json) and provenance.</li>
 *   <li>{@link Configs}: a chapter's configuration record as named values, for summary.json and notebooks.</li>
 *   <li>{@link ThesisVsHere}: the thesis' numbers beside this run's, with the setting of each.</li>
 *   <li>{@link ModelSummary}: a model's sizes for the notebooks.</li>
 *   <li>{@link Progress}: one progress bar updated in place.</li>
 *   <li>{@link Project}: where the project lives and which commit it is at.</li>
 *   <li>{@link AtomicFiles}: writes that complete or leave the old file untouched.</li>
 *   <li>{@link Scoped}: moves an op's result into a short-lived NDManager scope.</li>
 * </ul>
 */
package org.thesislab.core;
