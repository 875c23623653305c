package io.mingjing.platform.feature;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The built-in features this platform runs, derived from their beans rather than a list kept by hand,
 * and which of them a county has on. Sorted by id, which is also the order of the village page's columns.
 */
@ApplicationScoped
public class Features {

    @Inject
    Instance<Feature> beans;
    @Inject
    FeatureSwitches switches;

    private volatile List<FeatureManifest> manifests;

    public List<FeatureManifest> all() {
        List<FeatureManifest> m = manifests;
        if (m == null) {
            m = beans.stream().map(Feature::manifest).sorted(Comparator.comparing(FeatureManifest::id)).toList();
            manifests = m;
        }
        return m;
    }

    public Optional<FeatureManifest> find(String id) {
        return all().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The features the county has on, in the portal's order. */
    public List<FeatureManifest> on(String county) {
        return all().stream().filter(f -> isOn(f, county)).toList();
    }

    /** @throws IllegalArgumentException for an id no feature has: a typo in {@link OfFeature} fails loudly */
    public boolean isOn(String county, String id) {
        return isOn(find(id).orElseThrow(() -> new IllegalArgumentException("no feature " + id)), county);
    }

    private boolean isOn(FeatureManifest f, String county) {
        return !f.optional() || switches.on(county, f.id());
    }
}
