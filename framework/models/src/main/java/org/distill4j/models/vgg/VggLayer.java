package org.distill4j.models.vgg;

/** One entry of a VGG configuration: a 3x3 convolution of some width, or a 2x2 max-pool ({@code M}). */
public sealed interface VggLayer {

    /** The token that marks a max-pool in a configuration. */
    String POOL_TOKEN = "M";

    record Convolution(int width) implements VggLayer {
        public Convolution {
            if (width < 1) {
                throw new IllegalArgumentException("a VGG convolution width must be >= 1, got " + width);
            }
        }
    }

    record Pool() implements VggLayer {
    }

    /** Parses one configuration entry; {@code position} (0-based) goes into the error message. */
    static VggLayer parse(String entry, int position) {
        if (entry == null) {
            throw new IllegalArgumentException("layers[" + position + "] is empty; write a width like 64 or M for a max-pool");
        }
        String token = entry.trim();
        if (token.equals(POOL_TOKEN)) {
            return new Pool();
        }
        int width;
        try {
            width = Integer.parseInt(token);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("layers[" + position + "] is '" + entry
                    + "'; write a convolution width like 64 or M for a max-pool");
        }
        if (width < 1) {
            throw new IllegalArgumentException("layers[" + position + "] is " + width
                    + "; a convolution width must be >= 1");
        }
        return new Convolution(width);
    }
}
