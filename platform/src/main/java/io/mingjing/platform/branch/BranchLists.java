package io.mingjing.platform.branch;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** What members see of their branch: its meetings, newest first, and one meeting with its files, likes and comments. */
@ApplicationScoped
public class BranchLists {

    static final int MAX_PAGE = 50;

    @Inject
    BranchService branch;
    @Inject
    CurrentCaller caller;
    @Inject
    EntityManager em;

    @Transactional
    public BranchView.Page meetings(Long before, int limit) {
        String village = branch.branchOfCaller();
        if (village == null) {
            throw new ProblemException(403, "Forbidden", "The branch's meetings are for its party members.");
        }
        Keyset k = Keyset.of(before, limit, MAX_PAGE);
        return k.page(BranchMeeting.<BranchMeeting>find("village = ?1 and id < ?2 order by id desc", village, k.below())
                .page(0, k.fetch()).list(), m -> new BranchView.Summary(m.id, m.title, m.heldAt, likes(m.id)),
                BranchView.Summary::id, BranchView.Page::new);
    }

    @Transactional
    public BranchView view(BranchMeeting m) {
        List<BranchView.FileView> files = BranchMeetingFile.<BranchMeetingFile>find("meetingId = ?1 order by id", m.id)
                .stream().map(f -> new BranchView.FileView(f.id, f.filename, f.contentType)).toList();
        List<BranchView.Comment> comments = BranchComment.<BranchComment>find("meetingId = ?1 order by id", m.id).stream()
                .map(x -> new BranchView.Comment(x.id, x.author, x.body, x.at)).toList();
        boolean liked = ((Number) em.createNativeQuery("SELECT count(*) FROM branch_meeting_like WHERE meeting_id = ?1 "
                + "AND user_id = ?2").setParameter(1, m.id).setParameter(2, caller.get().userId()).getSingleResult())
                .longValue() > 0;
        return new BranchView(m.id, m.village, m.title, m.heldAt, m.minutes, m.recordedBy, files, likes(m.id), liked,
                comments);
    }

    @Transactional
    public List<BranchView.Member> members(String village) {
        branch.requireKeeper(caller.get(), village);
        return BranchMember.<BranchMember>find("village = ?1 order by name", village).stream()
                .map(m -> new BranchView.Member(m.userId, m.village, m.kind, m.name)).toList();
    }

    private long likes(long id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM branch_meeting_like WHERE meeting_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }
}
