/**
 * The environment tour of notebook {@code 00-environment}: it reproduces no thesis chapter. A small convnet is
 * trained on the real Fashion-MNIST with the pieces every chapter uses (device and run record, tensors, the core
 * training loop with live curves, results tables and figures), so a reader meets them before the chapters.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code FashionMnistTour.Config}: training and test images, epochs, batch and learning rate per scale.</li>
 * </ul>
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@code FashionMnistTour.Data} and {@code FashionMnistTour.load}: train, seeded 10% validation and test
 *       splits of {@code core.data.FashionMnist}.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@code FashionMnistTour.convNet}: two 3x3 conv blocks with batch norm and max pooling, then a 128-unit
 *       layer.</li>
 * </ul>
 *
 * <h2>Loss</h2>
 * <ul>
 *   <li>The softmax cross-entropy of {@code core.train}.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@code FashionMnistTour.accuracy}, {@code confusion} and {@code perClassAccuracy}.</li>
 * </ul>
 *
 * <h2>Experiment</h2>
 * <ul>
 *   <li>{@link FashionMnistTour}: the whole tour in one class; {@code train} runs Adam with early stopping on
 *       validation accuracy and live curves.</li>
 * </ul>
 *
 * <h2>Presentation</h2>
 * <ul>
 *   <li>{@code FashionMnistTour.grid}: images captioned with their class and prediction; the figures and tables
 *       themselves come from {@code viz}.</li>
 * </ul>
 */
package org.thesislab.tour;
