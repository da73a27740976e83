package org.distill4j.kernel.parameters;

import java.util.Locale;

/** How Java names appear in descriptors: record components and enum constants in kebab-case. */
public final class KebabCase {

    /**
     * A camel-case name in kebab-case: {@code weightDecay} becomes {@code weight-decay}, {@code useBNStatistics}
     * becomes {@code use-bn-statistics}, and {@code l2Weight} becomes {@code l2-weight}.
     */
    public static String ofCamelCase(String name) {
        StringBuilder kebab = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char current = name.charAt(i);
            if (Character.isUpperCase(current) && i > 0 && startsWord(name, i)) {
                kebab.append('-');
            }
            kebab.append(Character.toLowerCase(current));
        }
        return kebab.toString();
    }

    /** An enum constant in kebab-case: {@code BEST_VALIDATION} becomes {@code best-validation}. */
    public static String ofConstant(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An enum value as descriptors write it. */
    public static String of(Enum<?> value) {
        return ofConstant(value.name());
    }

    // An upper-case letter starts a word after a lower-case letter or digit, and at the end of an acronym
    // (the 'S' of "BNStatistics"), so acronyms stay one word.
    private static boolean startsWord(String name, int index) {
        char previous = name.charAt(index - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        return Character.isUpperCase(previous) && index + 1 < name.length()
                && Character.isLowerCase(name.charAt(index + 1));
    }

    private KebabCase() {
    }
}
