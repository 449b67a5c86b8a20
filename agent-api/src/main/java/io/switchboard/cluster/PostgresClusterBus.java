package io.switchboard.cluster;

import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterMessage;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.ClusterState;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.gateway.worker.BoundedWorker;
import io.switchboard.gateway.worker.Overflow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The bus over PostgreSQL {@code LISTEN/NOTIFY}: no infrastructure beyond the database the nodes share. Messages go
 * out on a thread of their own (a bounded queue: {@link #publish} never waits for the database) over one dedicated
 * connection, a batch per transaction; they come in on another dedicated connection that {@code LISTEN}s, read by a
 * listening thread that hands each to the topic's subscribers. Neither connection is the pool's: a pool would take
 * the listening one back, and the notifications with it.
 *
 * <p>A message of 8000 bytes or more does not fit a notification: it is written to {@code cluster_messages} in the
 * same transaction and its id notified; receivers read it by id. Rows older than {@code large-message-keep} are
 * deleted by the publisher.
 *
 * <p>When the database restarts or a connection is cut, the listener reconnects with a growing pause (100 ms up to
 * {@code reconnect-max-backoff}) and listens again; notifications sent while it was not listening are lost (NOTIFY
 * keeps nothing for absent listeners). A batch that fails to go out is tried once more on a new connection, then
 * dropped and counted.
 */
final class PostgresClusterBus implements ClusterBus {

    private static final Logger log = LoggerFactory.getLogger(PostgresClusterBus.class);
    private static final Duration KEEPALIVE = Duration.ofSeconds(5);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    /** Opens a new connection of the bus's own, outside the pool. */
    @FunctionalInterface
    interface Connections {
        /** {@code purpose}: {@code listen} or {@code publish}, part of the connection's application name. */
        Connection open(String purpose) throws SQLException;
    }

    private final NodeId node;
    private final Connections connections;
    private final ClusterMetrics metrics;
    private final Duration maxBackoff;
    private final Duration keepLarge;
    private final Map<String, List<Consumer<ClusterMessage>>> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    /** Per other node, the sequence number of its last message this node got (listening thread only). */
    private final Map<NodeId, Long> lastSequences = new ConcurrentHashMap<>();

    private final BoundedWorker<Notification> outgoing;
    private final Thread listening;

    private volatile boolean closed;
    private volatile boolean connected;
    private volatile String detail = "starting";
    /** Touched by the outgoing thread only. */
    private Connection publisher;

    private Instant lastCleanup = Instant.EPOCH;

    PostgresClusterBus(
            NodeId node,
            Connections connections,
            ClusterMetrics metrics,
            int outgoingCapacity,
            Duration maxBackoff,
            Duration keepLarge) {
        this.node = Objects.requireNonNull(node, "node");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.maxBackoff = maxBackoff;
        this.keepLarge = keepLarge;
        this.outgoing = BoundedWorker.<Notification>named("cluster-publish")
                .capacity(outgoingCapacity)
                .overflow(Overflow.DROP_NEWEST)
                .maxBatch(200)
                .whenFull("The database does not take the cluster's messages as fast as they come.")
                .dropLogLevel(Level.WARN)
                .describedBy(Notification::topic)
                .whenDropped(message -> metrics.dropped(message.topic()))
                .batchesTo(this::send);
        this.listening = new Thread(this::listen, "cluster-listen");
        listening.setDaemon(true);
    }

    /** Starts listening and sending. */
    PostgresClusterBus start() {
        outgoing.start();
        listening.start();
        return this;
    }

    @Override
    public NodeId node() {
        return node;
    }

    @Override
    public void publish(String topic, String payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        outgoing.offer(new Notification(node, sequence.incrementAndGet(), metrics.now(), topic, null, payload));
    }

    @Override
    public Subscription subscribe(String topic, Consumer<ClusterMessage> subscriber) {
        List<Consumer<ClusterMessage>> list = subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        return () -> list.remove(subscriber);
    }

    @Override
    public ClusterState state() {
        return new ClusterState(node, "postgres", connected, reconnects.get(), detail);
    }

    // ---- sending, on the outgoing worker's thread

    private void send(List<Notification> batch) {
        try {
            sendOnce(batch);
        } catch (SQLException first) {
            closeQuietly(publisher);
            publisher = null;
            try {
                sendOnce(batch);
            } catch (SQLException again) {
                closeQuietly(publisher);
                publisher = null;
                batch.forEach(message -> metrics.dropped(message.topic()));
                log.warn("{} cluster messages could not be sent and are lost: {}", batch.size(), again.toString());
                return;
            }
        }
        batch.forEach(message -> metrics.published(message.topic()));
    }

    private void sendOnce(List<Notification> batch) throws SQLException {
        if (publisher == null || publisher.isClosed()) {
            publisher = connections.open("publish");
            publisher.setAutoCommit(false);
        }
        try (PreparedStatement notify = publisher.prepareStatement(
                        "select count(pg_notify(?, text)) from unnest(?::text[]) as message(text)");
                PreparedStatement store = publisher.prepareStatement(
                        "insert into cluster_messages (topic, node, sent_at, payload) values (?, ?, ?, ?)",
                        new String[] {"id"})) {
            String[] texts = new String[batch.size()];
            for (int i = 0; i < texts.length; i++) {
                Notification message = batch.get(i);
                texts[i] = (message.fits() ? message : stored(store, message)).text();
            }
            // the whole batch in one round trip: unnest hands the array's elements over in order
            notify.setString(1, Notification.CHANNEL);
            notify.setArray(2, publisher.createArrayOf("text", texts));
            notify.executeQuery().close();
            cleanUp();
            publisher.commit();
        } catch (SQLException e) {
            try {
                publisher.rollback();
            } catch (SQLException ignored) {
                // the connection is broken: it is replaced
            }
            throw e;
        }
    }

    private Notification stored(PreparedStatement store, Notification message) throws SQLException {
        store.setString(1, message.topic());
        store.setString(2, node.value());
        store.setTimestamp(3, Timestamp.from(message.sentAt()));
        store.setString(4, message.payload());
        store.executeUpdate();
        try (ResultSet keys = store.getGeneratedKeys()) {
            keys.next();
            return message.stored(keys.getLong(1));
        }
    }

    private void cleanUp() throws SQLException {
        Instant now = metrics.now();
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        lastCleanup = now;
        try (PreparedStatement delete = publisher.prepareStatement("delete from cluster_messages where sent_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(keepLarge)));
            delete.executeUpdate();
        }
    }

    // ---- receiving, on the listening thread

    private void listen() {
        long backoff = 100;
        while (!closed) {
            try (Connection connection = connections.open("listen")) {
                Listener listener = new Listener(connection);
                connected = true;
                detail = "listening since " + metrics.now();
                backoff = 100;
                listener.run();
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (connected) {
                    reconnects.incrementAndGet();
                    log.warn("Cluster bus lost its database connection ({}); reconnecting", e.toString());
                }
                connected = false;
                detail = "not listening since " + metrics.now() + ": " + e.getMessage();
                pause(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    /** Waits for notifications on one connection until it fails or the bus closes. */
    private final class Listener {

        private final Connection connection;
        private final PGConnection notifications;
        private Instant lastTraffic;

        Listener(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("listen " + Notification.CHANNEL);
            }
            this.notifications = connection.unwrap(PGConnection.class);
            this.lastTraffic = metrics.now();
        }

        void run() throws SQLException {
            while (!closed) {
                PGNotification[] received = notifications.getNotifications(500);
                Instant now = metrics.now();
                if (received != null && received.length > 0) {
                    lastTraffic = now;
                    for (PGNotification notification : received) {
                        receive(notification.getParameter());
                    }
                } else if (Duration.between(lastTraffic, now).compareTo(KEEPALIVE) > 0) {
                    // a connection cut without a word (a firewall, a dead host) shows only when used
                    try (var statement = connection.createStatement()) {
                        statement.execute("select 1");
                    }
                    lastTraffic = now;
                }
            }
        }

        private void receive(String text) throws SQLException {
            Notification notification;
            try {
                notification = Notification.parse(text);
            } catch (RuntimeException e) {
                metrics.dropped("unreadable");
                log.warn("An unreadable cluster notification was dropped: {}", e.getMessage());
                return;
            }
            if (notification.node().equals(node)) {
                return;
            }
            Long last = lastSequences.put(notification.node(), notification.sequence());
            if (last != null && notification.sequence() > last + 1) {
                metrics.missed(notification.sequence() - last - 1);
            }
            List<Consumer<ClusterMessage>> list = subscribers.get(notification.topic());
            if (list == null || list.isEmpty()) {
                return;
            }
            if (notification.storedId() != null) {
                notification = load(notification);
                if (notification == null) {
                    return;
                }
            }
            ClusterMessage message = new ClusterMessage(
                    notification.topic(), notification.node(), notification.sentAt(), notification.payload());
            metrics.received(message);
            for (Consumer<ClusterMessage> subscriber : list) {
                try {
                    subscriber.accept(message);
                } catch (RuntimeException e) {
                    metrics.dropped(message.topic());
                    log.warn(
                            "A {} message from {} could not be handled: {}",
                            message.topic(),
                            message.from(),
                            e.toString());
                }
            }
        }

        private Notification load(Notification notification) throws SQLException {
            try (PreparedStatement select =
                    connection.prepareStatement("select payload from cluster_messages where id = ?")) {
                select.setLong(1, notification.storedId());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return notification.withPayload(row.getString(1));
                    }
                }
            }
            metrics.dropped(notification.topic());
            log.warn(
                    "A large {} message from {} was gone before it was read",
                    notification.topic(),
                    notification.node());
            return null;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        outgoing.close();
        closed = true;
        listening.interrupt();
        try {
            listening.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(publisher);
        connected = false;
    }
}
