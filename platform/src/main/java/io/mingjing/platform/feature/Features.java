package io.mingjing.platform.feature;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The built-in features this platform runs, derived from their beans rather than a list kept by hand. */
@ApplicationScoped
public class Features {

    @Inject
    Instance<Feature> beans;

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
}
