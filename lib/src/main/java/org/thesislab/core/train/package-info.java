/**
 * The training loop every chapter uses, with its optimisers, loss, checkpoints and listeners; it reproduces no
 * thesis chapter.
 * <ul>
 *   <li>{@link TrainingLoop}: seeded mini-batches, per-epoch metrics, validation with early stopping,
 *       checkpoints with exact resume.</li>
 *   <li>{@link TrainingStep}: one optimisation step: objective, NaN/Inf guard, backward, update.</li>
 *   <li>{@link Optimizer}: an update rule whose state can be saved and restored.</li>
 *   <li>{@link Adam}: Adam (Kingma and Ba 2015) with L2 weight decay.</li>
 *   <li>{@link Sgd}: stochastic gradient descent with momentum and L2 weight decay.</li>
 *   <li>{@link SoftmaxCrossEntropy}: mean cross-entropy of class logits against integer labels.</li>
 *   <li>{@link Checkpoint}: every {@link Checkpoint.Part} of a training (weights and their optimiser's state) and
 *       the loop's progress in one atomically written file.</li>
 *   <li>{@link Checkpoints}: a folder per trained model, under one named by the chapter's configuration and seed.</li>
 *   <li>{@link TrainingListener}: called after each epoch (and for the restored epochs of a resumed run).</li>
 *   <li>{@link BatchHook}: sees every step's predictions; ODGI's second stage trains there.</li>
 *   <li>{@link PolyakAverage}: the averaged weights that validation and the trained model use.</li>
 *   <li>{@link LiveCurves}: loss and metric curves redrawn after every epoch.</li>
 *   <li>{@link NonFiniteLossException}: training stopped on a NaN or infinite loss.</li>
 *   <li>{@link TrainingInterruptedException}: training stopped because its thread was interrupted.</li>
 * </ul>
 */
package org.thesislab.core.train;
