package org.distill4j.datasets.synthetic;

import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.images.ImagePool;
import org.distill4j.datasets.split.StratifiedSampler;

import java.util.Objects;
import java.util.Random;

/**
 * Generates the synthetic images. The rule, so that anyone can reproduce them:
 *
 * <ul>
 *   <li>Each class has a template: {@code new Random(mix(dataSeed))} draws, class after class and pixel after pixel
 *       (channel-planar, row by row), {@code 64 + nextInt(128)}, a grey level in [64, 191].</li>
 *   <li>Training image {@code i} has label {@code i mod classes}; its pixels are
 *       {@code clamp(round(template + 48 * nextGaussian()), 0, 255)} from {@code new Random(mix(dataSeed + 1))},
 *       image after image. Test images do the same with {@code new Random(mix(dataSeed + 2))}.</li>
 * </ul>
 *
 * {@code mix} is {@link StratifiedSampler#mix(long)}. The classes differ in every pixel (by 43 grey levels on
 * average) while the noise has a deviation of 48, so single pixels say little but whole images separate easily: a
 * small MLP learns the classes within an epoch or two.
 */
public final class SyntheticImages {

    static final int TEMPLATE_BASE = 64;
    static final int TEMPLATE_SPREAD = 128;
    static final double NOISE_DEVIATION = 48;

    private final SyntheticParams params;
    private final InputShape shape;
    private final byte[][] templates;

    public SyntheticImages(SyntheticParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.shape = new InputShape(params.channels(), params.height(), params.width());
        this.templates = templates(params, (int) shape.size());
    }

    public ImagePool train() {
        return images(params.trainSize(), new Random(StratifiedSampler.mix(params.dataSeed() + 1)));
    }

    public ImagePool test() {
        return images(params.testSize(), new Random(StratifiedSampler.mix(params.dataSeed() + 2)));
    }

    private ImagePool images(int count, Random noise) {
        int imageSize = (int) shape.size();
        byte[] pixels = new byte[count * imageSize];
        int[] labels = new int[count];
        for (int image = 0; image < count; image++) {
            int label = image % params.classes();
            labels[image] = label;
            byte[] template = templates[label];
            for (int pixel = 0; pixel < imageSize; pixel++) {
                long value = Math.round((template[pixel] & 0xff) + NOISE_DEVIATION * noise.nextGaussian());
                pixels[image * imageSize + pixel] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return ImagePool.adopt(shape, pixels, labels);
    }

    private static byte[][] templates(SyntheticParams params, int imageSize) {
        Random random = new Random(StratifiedSampler.mix(params.dataSeed()));
        byte[][] templates = new byte[params.classes()][imageSize];
        for (byte[] template : templates) {
            for (int pixel = 0; pixel < imageSize; pixel++) {
                template[pixel] = (byte) (TEMPLATE_BASE + random.nextInt(TEMPLATE_SPREAD));
            }
        }
        return templates;
    }
}
