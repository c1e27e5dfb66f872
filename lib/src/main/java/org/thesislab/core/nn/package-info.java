/**
 * Layers and tensor helpers shared by chapters; it reproduces no thesis chapter.
 * <ul>
 *   <li>{@link GradientReversal}: the gradient reversal layer of Ganin et al. (2016), used by AVR's -co
 *       models.</li>
 *   <li>{@link ShiftedConv2d}: the causally shifted convolutions of PixelCNN++, used by the colorization
 *       decoder.</li>
 *   <li>{@link Shifts}: the down and right shifts of an autoregressive network.</li>
 *   <li>{@link Scalars}: tensor-number arithmetic that stays correct inside an autograd graph.</li>
 * </ul>
 */
package org.thesislab.core.nn;
