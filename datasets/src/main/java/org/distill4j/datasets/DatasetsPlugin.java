package org.distill4j.datasets;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.datasets.cifar.Cifar10Params;
import org.distill4j.datasets.cifar.Cifar10Source;
import org.distill4j.datasets.fashion.FashionMnistParams;
import org.distill4j.datasets.fashion.FashionMnistSource;
import org.distill4j.datasets.mnist.MnistParams;
import org.distill4j.datasets.mnist.MnistSource;
import org.distill4j.datasets.synthetic.SyntheticParams;
import org.distill4j.datasets.synthetic.SyntheticSource;

import java.util.List;

/** The datasets: Fashion-MNIST, MNIST, CIFAR-10 and a synthetic set for tests and smoke runs. */
public final class DatasetsPlugin implements Distill4jPlugin {

    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.dataset("fashion-mnist", FashionMnistParams.class, FashionMnistSource.class,
                        "Fashion-MNIST, 28x28 grey images of 10 clothing classes: an embedded 5,000/1,000 subset,"
                                + " the Debian package or a directory",
                        "Xiao, Rasul and Vollgraf. Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine"
                                + " Learning Algorithms. arXiv:1708.07747, 2017"),
                Component.dataset("mnist", MnistParams.class, MnistSource.class,
                        "MNIST, 28x28 grey handwritten digits, from a directory holding the four IDX files",
                        "LeCun, Bottou, Bengio and Haffner. Gradient-Based Learning Applied to Document"
                                + " Recognition. Proceedings of the IEEE 86(11), 1998"),
                Component.dataset("cifar-10", Cifar10Params.class, Cifar10Source.class,
                        "CIFAR-10, 32x32 colour images of 10 classes, from the binary batches in a directory",
                        "Krizhevsky. Learning Multiple Layers of Features from Tiny Images. Technical report,"
                                + " University of Toronto, 2009"),
                Component.dataset("synthetic", SyntheticParams.class, SyntheticSource.class,
                        "class templates plus noise, generated in memory: for tests and smoke runs", ""));
    }
}
