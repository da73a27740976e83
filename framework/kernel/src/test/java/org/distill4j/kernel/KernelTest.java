package org.distill4j.kernel;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import org.distill4j.api.NetworkFactory;
import org.distill4j.kernel.builtin.KernelPlugin;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.RecordedDescriptorReader;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelTest {

    /** Injectable in a kernel that created types just in time; not in this one. */
    public static final class Unlisted {
    }

    @Test
    void offersTheServicesItBinds() {
        Injector kernel = Kernel.start(List.of(new KernelPlugin()));

        assertThat(kernel.getInstance(ComponentRegistry.class).plugins()).singleElement()
                .isInstanceOf(KernelPlugin.class);
        assertThat(kernel.getInstance(ComponentFactory.class)).isSameAs(kernel.getInstance(ComponentFactory.class));
        assertThat(kernel.getInstance(DescriptorParser.class)).isNotNull();
        assertThat(kernel.getInstance(RecordedDescriptorReader.class)).isNotNull();
        assertThat(kernel.getInstance(NetworkFactory.class)).isNotNull();
    }

    @Test
    void injectsOnlyWhatItBindsExplicitly() {
        Injector kernel = Kernel.start(List.of(new KernelPlugin()));

        assertThatThrownBy(() -> kernel.getInstance(Unlisted.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Explicit bindings are required")
                .hasMessageContaining(Unlisted.class.getSimpleName());
    }
}
