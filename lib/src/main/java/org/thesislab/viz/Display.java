package org.thesislab.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Shows rich output in the notebook the code runs in. It talks to the kernel by reflection, so the library
 * has no compile-time dependency on any kernel: rapaio-jupyter-kernel (the default) and IJava/JJava are
 * recognised; anywhere else (tests, plain Java) output goes to standard out as text or is skipped.
 */
public final class Display {
    private static final Backend BACKEND = detect();

    private Display() {}

    /** True inside a Jupyter kernel that can show rich output. */
    public static boolean inNotebook() {
        return BACKEND != Backend.NONE;
    }

    /** Shows HTML; returns a display id for {@link #updateHtml}, or null outside a notebook. */
    public static String html(String html) {
        return BACKEND.show("text/html", html, null);
    }

    /** Replaces what an earlier {@link #html} showed, in place. */
    public static void updateHtml(String displayId, String html) {
        if (displayId != null) {
            BACKEND.show("text/html", html, displayId);
        }
    }

    /** Shows a picture as PNG; returns a display id for {@link #updateImage}, or null outside a notebook. */
    public static String image(BufferedImage image) {
        return inNotebook() ? BACKEND.show("image/png", base64Png(image), null) : null;
    }

    /** Replaces a picture shown earlier, in place (live training curves). */
    public static void updateImage(String displayId, BufferedImage image) {
        if (displayId != null) {
            BACKEND.show("image/png", base64Png(image), displayId);
        }
    }

    public static String base64Png(BufferedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Backend detect() {
        if (Backend.RAPAIO.available()) {
            return Backend.RAPAIO;
        }
        if (Backend.IJAVA.available()) {
            return Backend.IJAVA;
        }
        return Backend.NONE;
    }

    private enum Backend {
        RAPAIO {
            @Override
            boolean available() {
                return find("org.rapaio.jupyter.kernel.global.Global") != null;
            }

            @Override
            String show(String mime, String data, String id) {
                try {
                    Class<?> global = find("org.rapaio.jupyter.kernel.global.Global");
                    if (id == null) {
                        Method m = global.getMethod("display", String.class, Object.class);
                        return (String) m.invoke(null, mime, data);
                    }
                    global.getMethod("updateDisplay", String.class, String.class, Object.class).invoke(null, id, mime, data);
                    return id;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("rapaio kernel display failed: " + e, e);
                }
            }
        },
        IJAVA {
            @Override
            boolean available() {
                try {
                    Class<?> ijava = find("io.github.spencerpark.ijava.IJava");
                    return ijava != null && ijava.getMethod("getKernelInstance").invoke(null) != null;
                } catch (ReflectiveOperationException e) {
                    return false;
                }
            }

            @Override
            String show(String mime, String data, String id) {
                try {
                    Object kernel = find("io.github.spencerpark.ijava.IJava").getMethod("getKernelInstance").invoke(null);
                    Class<?> dd = find("io.github.spencerpark.jupyter.kernel.display.DisplayData");
                    Object d = dd.getConstructor().newInstance();
                    dd.getMethod("putData", String.class, Object.class).invoke(d, mime, data);
                    if (id == null) {
                        id = java.util.UUID.randomUUID().toString();
                        dd.getMethod("setDisplayId", String.class).invoke(d, id);
                        kernel.getClass().getMethod("display", dd).invoke(kernel, d);
                    } else {
                        kernel.getClass().getMethod("updateDisplay", String.class, dd).invoke(kernel, id, d);
                    }
                    return id;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("IJava display failed: " + e, e);
                }
            }
        },
        NONE {
            @Override
            boolean available() {
                return true;
            }

            @Override
            String show(String mime, String data, String id) {
                return null;
            }
        };

        abstract boolean available();

        abstract String show(String mime, String data, String id);

        static Class<?> find(String name) {
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                    Display.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
                if (loader == null) {
                    continue;
                }
                try {
                    return Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // try the next loader
                }
            }
            return null;
        }
    }
}
