package org.distill4j.api;

/** The parameter record of a component that takes no parameters. */
public record NoParameters() {
}
