package org.distill4j.kernel.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link EpochRecord} in a checkpoint: every value exactly, nulls included. */
final class EpochRecords {

    private EpochRecords() {
    }

    static void write(EpochRecord record, DataOutputStream out) throws IOException {
        out.writeInt(record.epoch());
        out.writeDouble(record.learningRate());
        out.writeDouble(record.trainLoss());
        out.writeInt(record.terms().size());
        for (Map.Entry<String, Double> term : record.terms().entrySet()) {
            out.writeUTF(term.getKey());
            out.writeDouble(term.getValue());
        }
        out.writeDouble(record.trainAccuracy());
        writeNullable(record.validationAccuracy(), out);
        writeNullable(record.testAccuracy(), out);
        out.writeDouble(record.seconds());
        out.writeDouble(record.imagesPerSecond());
    }

    static EpochRecord read(DataInputStream in) throws IOException {
        int epoch = in.readInt();
        double learningRate = in.readDouble();
        double trainLoss = in.readDouble();
        int count = in.readInt();
        Map<String, Double> terms = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            terms.put(in.readUTF(), in.readDouble());
        }
        return new EpochRecord(epoch, learningRate, trainLoss, terms, in.readDouble(), readNullable(in),
                readNullable(in), in.readDouble(), in.readDouble());
    }

    private static void writeNullable(Double value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
