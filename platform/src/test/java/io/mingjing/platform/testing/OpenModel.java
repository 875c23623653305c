package io.mingjing.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmarks' open-model load: request i is due at start + i / rate and is sent then, whatever the
 * earlier ones take, and its latency counts from the moment it was due, so a slow server cannot hide its
 * queue (no coordinated omission). hey and wrk send in per-worker loops, which bunches requests or lowers
 * the rate when answers slow down. A bench pins its warm-up by running a load of the same rate first.
 *
 * <p>Only the JDK here: {@code java OpenModel.java URL TOKEN BODY RATE SECONDS} (platform/bench/appeals.sh)
 * POSTs the JSON body, each request on its own virtual thread, and prints the rate reached, p50, p99, max
 * and the status codes.
 */
public final class OpenModel {

    /** What one request does; @return its status (an HTTP code, or anything for work that has none) */
    @FunctionalInterface
    public interface Work {
        int run(int i) throws IOException, InterruptedException;
    }

    /**
     * @param late how long after its due time each request was answered, µs
     * @param status each request's status, -1 where it failed without one
     * @param nanos from the first request's due time to the last answer
     */
    public record Load(long[] late, int[] status, long nanos) {

        public int ok(int code) {
            return (int) Arrays.stream(status).filter(s -> s == code).count();
        }

        public Map<Integer, Long> codes() {
            Map<Integer, Long> codes = new TreeMap<>();
            Arrays.stream(status).forEach(s -> codes.merge(s, 1L, Long::sum));
            return codes;
        }

        /** As the benches report a measured load after its warm-up at the same rate. */
        public String line(String what, int rate, int seconds, int warmSeconds, int expected) {
            return String.format("%s at %d/s for %d s (%d s warm-up at the same rate): p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms; status %s (expected %d)", what, rate, seconds, warmSeconds, pct(late, 50),
                    pct(late, 99), pct(late, 100), codes(), expected);
        }

        /** The latencies, a request not answered {@code code} counting as never answered. */
        public long[] lateUnless(int code) {
            long[] l = late.clone();
            for (int i = 0; i < l.length; i++) {
                l[i] = status[i] == code ? l[i] : Long.MAX_VALUE / 2;
            }
            return l;
        }
    }

    private OpenModel() {
    }

    /**
     * {@code n} requests at {@code rate} per second, sent by {@code workers} virtual threads (as many as
     * {@code n}: each its own), the first 50 ms from now.
     */
    public static Load run(int rate, int n, int workers, Work work) throws InterruptedException {
        long[] late = new long[n];
        int[] status = new int[n];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000;
        long step = 1_000_000_000L / rate;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < Math.min(workers, n); w++) {
                threads.execute(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long due = start + i * step;
                        LockSupport.parkNanos(due - System.nanoTime());
                        try {
                            status[i] = work.run(i);
                        } catch (IOException e) {
                            status[i] = -1;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        late[i] = (System.nanoTime() - due) / 1000;
                    }
                });
            }
        }
        return new Load(late, status, System.nanoTime() - start);
    }

    /** @param micros latencies in µs; @return the p-th percentile in ms */
    public static double pct(long[] micros, int p) {
        long[] a = micros.clone();
        Arrays.sort(a);
        return a[Math.max(0, Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1))] / 1000.0;
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        String body = args[2];
        int rate = Integer.parseInt(args[3]);
        int n = rate * Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Load l = run(rate, n, n, i -> client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        double elapsed = l.nanos() / 1e9;
        System.out.printf("requests %d in %.1f s (%.1f/s); p50 %.1f ms, p99 %.1f ms, max %.1f ms; status %s%n", n,
                elapsed, n / elapsed, pct(l.late(), 50), pct(l.late(), 99), pct(l.late(), 100), l.codes());
    }
}
