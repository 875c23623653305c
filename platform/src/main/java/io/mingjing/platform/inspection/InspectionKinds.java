package io.mingjing.platform.inspection;

import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.sample.SampleSource;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The kinds of record a round may sample: every feature's {@link SampleSource}, where the county has that feature on. */
@ApplicationScoped
public class InspectionKinds {

    /** The order a round's page lists its kinds in: work log, disclosures, then the ledgers. */
    private static final List<String> ORDER = List.of("VILLAGE_LOG", "DISCLOSURE", "APPROVAL", "PAYMENT");

    @Inject
    Instance<SampleSource> sources;
    @Inject
    FeatureSwitches switches;
    @Inject
    CurrentTenant tenant;

    public List<SampleSource> offered() {
        String county = tenant.require();
        return sources.stream().filter(s -> switches.on(county, s.feature()))
                .sorted(Comparator.comparingInt((SampleSource s) -> rank(s.kind())).thenComparing(SampleSource::kind))
                .toList();
    }

    /** The source of a kind, offered or not: a round keeps showing what it drew after a feature is switched off. */
    public Optional<SampleSource> any(String kind) {
        return sources.stream().filter(s -> s.kind().equals(kind)).findFirst();
    }

    static int rank(String kind) {
        int i = ORDER.indexOf(kind);
        return i < 0 ? ORDER.size() : i;
    }
}
