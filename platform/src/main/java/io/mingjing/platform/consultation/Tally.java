package io.mingjing.platform.consultation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The count of a vote against the county's quorum and threshold. A yes/no vote carries when 赞成 has
 * more than the threshold of the ballots cast (abstentions are cast ballots); a vote between options
 * carries the one option above the threshold. Nothing carries without the quorum.
 *
 * @param counts ballots per option, in the options' order
 * @param eligible the village's residents (registered or living there) when the vote closed
 */
public record Tally(List<String> options, long[] counts, long eligible, int quorumPercent, int passPercent) {

    public static final List<String> YES_NO = List.of("赞成", "反对", "弃权");

    public long cast() {
        long cast = 0;
        for (long c : counts) {
            cast += c;
        }
        return cast;
    }

    public boolean quorumMet() {
        return eligible > 0 && cast() * 100 >= (long) quorumPercent * eligible;
    }

    /** @return the index of the option that carries, or -1 */
    public int carried() {
        long cast = cast();
        if (!quorumMet() || cast == 0) {
            return -1;
        }
        int best = 0;
        int candidates = options.equals(YES_NO) ? 1 : counts.length;
        for (int i = 1; i < candidates; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        int withMost = 0;
        for (int i = 0; i < candidates; i++) {
            withMost += counts[i] == counts[best] ? 1 : 0;
        }
        return withMost == 1 && counts[best] * 100 > (long) passPercent * cast ? best : -1;
    }

    /** What the consultation keeps and shows: the counts, the turnout and the outcome. */
    public Map<String, Object> asResult() {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Long> byOption = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            byOption.put(options.get(i), counts[i]);
        }
        r.put("counts", byOption);
        r.put("cast", cast());
        r.put("eligible", eligible);
        r.put("quorumPercent", quorumPercent);
        r.put("passPercent", passPercent);
        r.put("quorumMet", quorumMet());
        int carried = carried();
        r.put("carried", carried < 0 ? null : options.get(carried));
        r.put("passed", carried >= 0);
        return r;
    }
}
