package io.mingjing.platform.consultation;

import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.ResidentAccess;
import io.mingjing.platform.sql.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** What readers see of consultations: a village's topics in keyset pages, one topic with its discussion. */
@ApplicationScoped
public class ConsultationLists {

    static final int MAX_PAGE = 50;

    @Inject
    ResidentAccess residents;
    @Inject
    Places places;
    @Inject
    CurrentCaller caller;
    @Inject
    ConsultationService consultations;

    @Transactional
    public ConsultationView.Page list(String village, Long before, int limit) {
        if (village == null || !residents.mayReadResidentContent(village)) {
            throw ProblemException.invalid(400, "Say which of your villages.", Map.of("village",
                    "must be the code of a village you live in or serve"));
        }
        Keyset k = Keyset.of(before, limit, MAX_PAGE);
        return k.page(Consultation.<Consultation>find("village = ?1 and id < ?2 order by id desc", village, k.below())
                .page(0, k.fetch()).list(), x -> new ConsultationView.Summary(x.id, x.village, x.title, x.state.name(),
                        x.createdAt, x.votingUntil), ConsultationView.Summary::id, ConsultationView.Page::new);
    }

    /** The village page's 码上协商 column, for the village's residents and staff: its topics, newest first. */
    public List<PortalColumn.Item> column(PortalColumn.Query q) {
        return Consultation.<Consultation>find("village = ?1 order by id desc", q.village()).page(q.page(), q.limit())
                .stream().map(x -> new PortalColumn.Item(x.title, "/consultations/" + x.id, x.createdAt,
                        q.text().apply("consultation.state." + x.state.name()), null)).toList();
    }

    @Transactional
    public ConsultationView view(Consultation x) {
        boolean committee = caller.get().hasRole(Role.CADRE) && places.mayActOn(x.village);
        List<ConsultationView.Comment> comments = ConsultationComment.<ConsultationComment>find(
                "consultationId = ?1 order by id", x.id).stream().map(m -> new ConsultationView.Comment(m.id, m.author,
                        m.hidden && !committee ? null : m.body, m.at, m.hidden, m.moderationNote)).toList();
        return new ConsultationView(x.id, x.village, x.title, x.body, x.options, x.state.name(), x.byResidents,
                x.supportersNeeded, consultations.supporters(x.id), x.createdAt, x.votingFrom, x.votingUntil,
                x.quorumPercent, x.passPercent, x.result, x.resolution, x.resolvedAt, x.taskId, x.disclosureId,
                caller.get().hasRole(Role.VILLAGER) ? consultations.hasVoted(x) : null, comments);
    }
}
