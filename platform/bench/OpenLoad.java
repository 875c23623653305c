import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-model load: POSTs a JSON body at evenly spaced moments (RATE per second for SECONDS), each
 * on its own virtual thread, whatever the answers take; a latency counts from the moment the request
 * was due, so a slow server cannot hide its queue (no coordinated omission). hey and wrk send in
 * per-worker loops, which bunches requests or lowers the rate when answers slow down.
 *
 * <p>{@code java OpenLoad.java URL TOKEN BODY RATE SECONDS} prints the rate reached, p50, p99, max and
 * the status codes.
 */
public class OpenLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        String body = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                threads.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    int code;
                    try {
                        code = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        code = 0;
                    }
                    micros.add((System.nanoTime() - due) / 1000);
                    codes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        System.out.printf("requests %d in %.1f s (%.1f/s); p50 %.1f ms, p99 %.1f ms, max %.1f ms; status %s%n",
                sorted.size(), elapsed, sorted.size() / elapsed, at(sorted, 0.50), at(sorted, 0.99),
                sorted.getLast() / 1000.0, new TreeMap<>(codes));
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
    }
}
