package org.distill4j.cli;

import picocli.CommandLine;

/** The version from the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"distill4j " + (version == null ? "development" : version)};
    }
}
