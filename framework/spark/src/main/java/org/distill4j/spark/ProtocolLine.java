package org.distill4j.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the conversation between {@code distill4j sweep --engine spark} and this driver: tab-separated fields,
 * with backslash, tab, carriage return and newline escaped, so that any path or message fits on one line. The sweep
 * has its own copy of this format (org.distill4j.cli.spark.ProtocolLine): the two share no class path.
 */
public final class ProtocolLine {

    private ProtocolLine() {
    }

    public static String encode(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            String field = fields.get(i);
            for (int c = 0; c < field.length(); c++) {
                char character = field.charAt(c);
                switch (character) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(character);
                }
            }
        }
        return line.toString();
    }

    /** The fields of a line; an empty line has one empty field. */
    public static List<String> decode(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int c = 0; c < line.length(); c++) {
            char character = line.charAt(c);
            if (character == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (character == '\\' && c + 1 < line.length()) {
                char escaped = line.charAt(++c);
                field.append(switch (escaped) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else {
                field.append(character);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
