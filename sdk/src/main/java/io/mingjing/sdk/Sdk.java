package io.mingjing.sdk;

/**
 * The SDK's own semantic version. A plugin states the range it needs in its jar manifest
 * ({@code Plugin-Requires: >=1.0.0 & <2.0.0}); the platform refuses a plugin whose range excludes
 * this version. Minor versions only add; a major version may remove or change.
 */
public interface Sdk {

    String VERSION = "1.7.0";
}
