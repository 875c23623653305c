package io.mingjing.platform.feature;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (class or method) as part of an optional feature: where the county has switched
 * the feature off, {@link FeatureGate} answers 404 before the resource runs, so its pages, menu
 * targets and county API disappear together.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface OfFeature {

    /** The feature's module id, e.g. {@code notices}. */
    String value();
}
