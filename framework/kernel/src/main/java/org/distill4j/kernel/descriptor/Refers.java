package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Says which kind of component a {@link ResolvedComponent} section of the descriptor names. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Refers {

    ComponentKind value();
}
