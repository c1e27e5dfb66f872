/**
 * Probabilistic image colorization (PIC): thesis 000 (Royer, {@code 000_79654255d221b1a0.txt}), Section 3.2
 * "Probabilistic Image Colorization" (Royer, Kolesnikov &amp; Lampert, BMVC 2017). It covers the autoregressive
 * model of the chrominance given the luminance and its output distribution (§3.2.2, Eqs. 3.10-3.11), the
 * embedding network e_phi, the decoder f_theta, chroma subsampling and the likelihood objective (§3.2.3,
 * Table 3.5, Fig. 3.12, Eq. 3.12), the evaluation by likelihood (§3.2.4) and the ablations without the
 * autoregressive part and without gating, with the saturation measure (§3.2.5). The experiment trains on
 * procedural Lab scenes at every scale (CIFAR-10's image size and Table 3.5's widths at 'paper'); CIFAR-10 and
 * ILSVRC-2012 are not used by it. The thesis' weight normalisation is not used; its Polyak averaging is (ColorizationExperiment.Config).
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code ColorizationExperiment.Config}: image size, subsampling factor, data sizes, optimiser and the
 *       widths and depths of e_phi and f_theta per scale, and the models to train (a nested record).</li>
 * </ul>
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@link Scenes}: procedural Lab scenes whose colours are partly fixed by the grayscale (sky, ground,
 *       squares) and partly ambiguous (circles in one of three isoluminant colours).</li>
 *   <li>{@link Lab}: sRGB (D65) to CIE L*a*b* and back; the model works in LAB (§3.2.2).</li>
 *   <li>{@link Chroma}: spatial chromatic subsampling (§3.2.3), the normalised units, and the recombination of the
 *       upsampled chroma with the input luminance.</li>
 *   <li>{@link org.thesislab.core.data.Cifar10}: reader for CIFAR-10, the thesis' first benchmark (§3.2.4), for users
 *   who fetch it ({@code Lab.fromSrgb} turns its images into the models' input).</li>
 *   <li>{@link Photos}: real colour photographs (skimage's samples or a folder) for qualitative demos.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link GatedResidualBlock}: the gated residual block both networks are built from (§3.2.3), with the
 *       ungated variant of the ablation.</li>
 *   <li>{@link GrayscaleEmbeddingNet}: the embedding network e_phi (Table 3.5).</li>
 *   <li>{@link PixelCnnDecoder}: the autoregressive network f_theta, PixelCNN++-style with vertical and horizontal
 *       stacks (Eq. 3.11).</li>
 *   <li>{@link ChromaDistribution}: a per-pixel distribution over the chrominance (a, b) parametrised by network
 *       outputs.</li>
 *   <li>{@link LogisticMixture}: the discretised mixture of logistics over (a, b) ("Modeling the color
 *       distribution", §3.2.2).</li>
 *   <li>{@link CategoricalChroma}: a softmax over quantised (a, b) bins, the alternative §3.2.2 argues against.</li>
 *   <li>{@link ChromaModel}: the common base of the colorization models: e_phi, then chroma on the low-resolution
 *       grid.</li>
 *   <li>{@link LikelihoodModel}: a model with an exact likelihood, comparable in bits per dimension.</li>
 *   <li>{@link PicModel}: PIC, e_phi and f_theta (Fig. 3.12, Eqs. 3.10-3.11), trained with teacher forcing and
 *       sampled in raster order.</li>
 *   <li>{@link FeedForwardChromaModel}: e_phi with a 1x1 head and no autoregressive decoder, the base of the two
 *       feed-forward models below.</li>
 *   <li>{@link PerPixelModel}: e_phi alone with a per-pixel mixture head, the ablation without the
 *       autoregressive component (§3.2.5).</li>
 *   <li>{@link L2Colorizer}: a feed-forward L2 regression baseline (not a thesis model), which desaturates
 *       ambiguous colours.</li>
 * </ul>
 *
 * <h2>Loss</h2>
 * <ul>
 *   <li>{@link NllObjective}: L_PIC = -log p(x^ab | x^L) (Eq. 3.12), in bits per chroma dimension.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@link ColorMetrics}: the average perceptual saturation of §3.2.5 (Lübbe 2010) and, not in the thesis,
 *       sample diversity and the colour coherence of the ambiguous objects.</li>
 * </ul>
 *
 * <h2>Experiment</h2>
 * <ul>
 *   <li>{@link ColorizationExperiment}: trains PIC, its ungated and categorical variants, the per-pixel mixture
 *       and the L2 baseline on the same scenes, and compares bits/dim, saturation, diversity and sampling
 *       cost (§3.2.4-3.2.5); {@code run} is the whole experiment in one call, the models it trains named by the
 *       configuration.</li>
 *   <li>{@link ColorizationResults}: what the experiment measured, per model, as plain numbers; the tables, the
 *       summary.json numbers and the thesis comparison are made from it.</li>
 *   <li>{@link ChromaSubsampling}: the premise of chroma subsampling (§3.2.3) measured on real photographs
 *       (colour difference and PSNR after subsampling).</li>
 * </ul>
 *
 * <h2>Presentation</h2>
 * <ul>
 *   <li>{@link ColorizationFigures}: the ambiguity of colour given luminance, the scenes, the likelihood curves,
 *       the models' samples and the sampling cost.</li>
 *   <li>{@link ColorizationTables}: model sizes, the evaluation, the sampling cost, the summary.json numbers and the
 *       thesis' numbers beside ours.</li>
 *   <li>{@link ModelSize}: a model's parameter count in words, for progress titles and the notebook.</li>
 * </ul>
 */
package org.thesislab.colorization;
