package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import static org.thesislab.core.nn.Scalars.over;

/**
 * Sect. 3.2.3's premise on real photographs: chroma kept at 1/factor of the luminance resolution, upsampled
 * bilinearly and recombined with the full-resolution L (exactly what the models output, {@link Chroma}),
 * loses little perceptual quality. Measured as the CIE76 colour difference ΔE*ab to the original (about 2.3
 * is a just-noticeable difference) and as RGB PSNR.
 */
public final class ChromaSubsampling {
    private ChromaSubsampling() {
    }

    public record Row(String photo, int factor, double meanDeltaE, double p95DeltaE, double psnrDb) {
    }

    /** The errors per photo and factor, and the figure: one row per photo, original, its L channel, then each factor. */
    public record Study(List<Row> rows, BufferedImage figure) {
        public Table table() {
            return ChromaSubsampling.table(rows);
        }

        /** The mean ΔE*ab over the photos at one subsampling factor. */
        public double meanDeltaE(int factor) {
            return rows.stream().filter(r -> r.factor() == factor).mapToDouble(Row::meanDeltaE).average().orElseThrow();
        }
    }

    /**
     * Carries each photo through the model's output format at every factor (chroma on the coarse grid, upsampled,
     * recombined with the full L), back to sRGB, and measures the errors; one pass gives the rows and the figure.
     */
    public static Study measure(List<Photos.Photo> photos, int[] factors) {
        List<Row> rows = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Photos.Photo p : photos) {
            try (NDManager scope = p.rgb().getManager().newSubManager()) {
                NDArray rgb = p.rgb().duplicate();
                rgb.attach(scope);
                NDArray lab = Lab.fromSrgb(rgb);
                images.add(Images.fromTensor(rgb.squeeze(0)));
                captions.add(p.name());
                images.add(Images.fromTensor(over(lab.get(":, 0:1"), 100).squeeze(0)));
                captions.add("L (input)");
                for (int f : factors) {
                    NDArray back = recombined(lab, f);
                    NDArray backRgb = Lab.toSrgb(back);
                    float[] de = back.sub(lab).square().sum(new int[] {1}).sqrt().toFloatArray();
                    Arrays.sort(de);
                    double mean = 0;
                    for (float d : de) {
                        mean += d;
                    }
                    mean /= de.length;
                    double mse = backRgb.sub(rgb).square().mean().getFloat();
                    rows.add(new Row(p.name(), f, mean, de[(int) (0.95 * (de.length - 1))],
                            10 * Math.log10(1 / Math.max(mse, 1e-12))));
                    images.add(Images.fromTensor(backRgb.squeeze(0)));
                    captions.add(String.format("ab at 1/%d, ΔE %.1f", f, mean));
                }
            }
        }
        return new Study(rows, Plots.imageGrid(images, captions, 2 + factors.length, 1));
    }

    /** Lab image -> chroma on the model's grid at {@code factor} (rounded to C) -> recombined Lab. */
    static NDArray recombined(NDArray lab, int factor) {
        Chroma.Batch b = Chroma.prepare(lab, factor);
        return Chroma.recombine(b.luma(), b.ab(), factor);
    }

    private static Table table(List<Row> rows) {
        Table t = Table.create("Chroma subsampling on real photos (CIE76 ΔE*ab to the original; ≈2.3 is just noticeable)",
                StringColumn.create("photo"), IntColumn.create("factor"), DoubleColumn.create("mean ΔE*ab"),
                DoubleColumn.create("95th pct ΔE*ab"), DoubleColumn.create("RGB PSNR (dB)"));
        for (Row r : rows) {
            t.stringColumn(0).append(r.photo());
            t.intColumn(1).append(r.factor());
            t.doubleColumn(2).append(Math.round(r.meanDeltaE() * 100) / 100.0);
            t.doubleColumn(3).append(Math.round(r.p95DeltaE() * 100) / 100.0);
            t.doubleColumn(4).append(Math.round(r.psnrDb() * 10) / 10.0);
        }
        return t;
    }
}
