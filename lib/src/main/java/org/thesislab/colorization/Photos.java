package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.thesislab.core.Project;
import org.thesislab.core.data.DataFileException;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Real colour photographs for qualitative demos: the natural photos shipped in Debian's python3-skimage
 * package (astronaut, chelsea, coffee, rocket, motorcycle), which {@code environment/lab setup} unpacks into
 * {@code build/data/photos} without installing the package, or any folder of PNG/JPEG files named by
 * {@code THESISLAB_PHOTOS}.
 */
public final class Photos {
    public static final String ENV = "THESISLAB_PHOTOS";
    /** The colour photographs among skimage's sample images (the others are charts, textures, micrographs). */
    public static final List<String> SKIMAGE_PHOTOS =
            List.of("astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png");
    private static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    private Photos() {
    }

    /** A photo's name and its pixels: sRGB in [0, 1], (1, 3, side, side), centre-cropped to a square. */
    public record Photo(String name, NDArray rgb) {
    }

    /** Where the photos are: THESISLAB_PHOTOS, an installed skimage, or what setup unpacked; empty if none. */
    public static Optional<Path> folder() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        for (Path p : List.of(SKIMAGE_DATA, Project.root().resolve("build/data/photos"))) {
            if (Files.isRegularFile(p.resolve(SKIMAGE_PHOTOS.get(0)))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The photos of {@code folder} (skimage's colour photos if it is an skimage data folder, else every PNG/JPEG). */
    public static List<Photo> load(NDManager manager, Path folder, int side) {
        if (!Files.isDirectory(folder)) {
            throw new DataFileException(folder, "is not a folder", "Point " + ENV + " at a folder of PNG/JPEG photos, "
                    + "or run environment/lab setup to unpack Debian's sample photos.", null);
        }
        List<Path> files;
        if (SKIMAGE_PHOTOS.stream().allMatch(n -> Files.isRegularFile(folder.resolve(n)))) {
            files = SKIMAGE_PHOTOS.stream().map(folder::resolve).toList();
        } else {
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(Photos::isPhotoFile).sorted().toList();
            } catch (IOException e) {
                throw new DataFileException(folder, "cannot be listed", e);
            }
        }
        if (files.isEmpty()) {
            throw new DataFileException(folder, "holds no .png or .jpg file", "Put photos there or unset " + ENV + ".", null);
        }
        return files.stream().map(f -> new Photo(f.getFileName().toString().replaceFirst("\\.[^.]+$", ""),
                toTensor(manager, squareResized(read(f), side)))).toList();
    }

    private static boolean isPhotoFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new DataFileException(file, "is not an image ImageIO can read", "Replace or remove it.", null);
            }
            return img;
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read (" + e.getMessage() + ")", "Replace or remove it.", e);
        }
    }

    /** Centre square crop, then halving steps and one bilinear step to side x side (halving avoids aliasing). */
    static BufferedImage squareResized(BufferedImage img, int side) {
        int s = Math.min(img.getWidth(), img.getHeight());
        BufferedImage cur = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g0 = cur.createGraphics();
        g0.drawImage(img, -(img.getWidth() - s) / 2, -(img.getHeight() - s) / 2, null);
        g0.dispose();
        while (cur.getWidth() > side) {
            int next = Math.max(side, cur.getWidth() / 2);
            BufferedImage smaller = new BufferedImage(next, next, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = smaller.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, next, next, null);
            g.dispose();
            cur = smaller;
        }
        return cur;
    }

    private static NDArray toTensor(NDManager manager, BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] chw = new float[3 * h * w];
        for (int i = 0; i < h * w; i++) {
            chw[i] = ((argb[i] >> 16) & 0xff) / 255f;
            chw[h * w + i] = ((argb[i] >> 8) & 0xff) / 255f;
            chw[2 * h * w + i] = (argb[i] & 0xff) / 255f;
        }
        return manager.create(chw, new Shape(1, 3, h, w));
    }
}
