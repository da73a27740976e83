package org.distill4j.kernel.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Everything a training needs to go on after an epoch as if it had never stopped: the network's parameters and
 * optimizer state, the loss's parameters and theirs, every random generator, the epoch records and the best epoch
 * so far. Written by {@link TrainerCheckpoint} at the end of each epoch.
 *
 * @param completedEpochs epochs done, from 1
 * @param seconds         the training's time so far
 */
record TrainerState(int completedEpochs, List<EpochRecord> records, INDArray parameters, INDArray updaterState,
        int iterationCount, int epochCount, Map<String, INDArray> lossParameters, LossParameterUpdater.State lossUpdater,
        long randomRoot, long randomNode, byte[] shuffle, byte[] augmentation, double bestValidation, int bestEpoch,
        INDArray bestParameters, double seconds) {

    void write(DataOutputStream out) throws IOException {
        out.writeInt(completedEpochs);
        out.writeInt(records.size());
        for (EpochRecord record : records) {
            EpochRecords.write(record, out);
        }
        writeArray(parameters, out);
        writeArray(updaterState, out);
        out.writeInt(iterationCount);
        out.writeInt(epochCount);
        writeArrays(lossParameters, out);
        out.writeInt(lossUpdater.iteration());
        writeArrays(lossUpdater.states(), out);
        out.writeLong(randomRoot);
        out.writeLong(randomNode);
        writeBytes(shuffle, out);
        writeBytes(augmentation, out);
        out.writeDouble(bestValidation);
        out.writeInt(bestEpoch);
        writeArray(bestParameters, out);
        out.writeDouble(seconds);
    }

    static TrainerState read(DataInputStream in) throws IOException {
        int completed = in.readInt();
        int count = in.readInt();
        List<EpochRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(EpochRecords.read(in));
        }
        INDArray parameters = readArray(in);
        INDArray updater = readArray(in);
        int iteration = in.readInt();
        int epoch = in.readInt();
        Map<String, INDArray> lossParameters = readArrays(in);
        LossParameterUpdater.State lossUpdater = new LossParameterUpdater.State(in.readInt(), readArrays(in));
        return new TrainerState(completed, records, parameters, updater, iteration, epoch, lossParameters, lossUpdater,
                in.readLong(), in.readLong(), readBytes(in), readBytes(in), in.readDouble(), in.readInt(),
                readArray(in), in.readDouble());
    }

    /** A generator's exact state, as bytes (java.util.Random keeps it private, but serialises it). */
    static byte[] bytes(Random random) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot capture a random generator's state", e);
        }
    }

    static Random random(byte[] state) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            return (Random) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot restore a random generator's state", e);
        }
    }

    private static void writeArray(INDArray array, DataOutputStream out) throws IOException {
        out.writeBoolean(array != null);
        if (array != null) {
            Nd4j.write(array, out);
        }
    }

    private static INDArray readArray(DataInputStream in) throws IOException {
        return in.readBoolean() ? Nd4j.read(in) : null;
    }

    private static void writeArrays(Map<String, INDArray> arrays, DataOutputStream out) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
            out.writeUTF(entry.getKey());
            writeArray(entry.getValue(), out);
        }
    }

    private static Map<String, INDArray> readArrays(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            arrays.put(in.readUTF(), readArray(in));
        }
        return arrays;
    }

    private static void writeBytes(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }
}
