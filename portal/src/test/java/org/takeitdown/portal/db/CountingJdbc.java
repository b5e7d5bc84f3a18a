package org.takeitdown.portal.db;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Test hook: while {@link #count} runs work on the calling thread, counts the statements the stores' plain-JDBC
 * paths execute there, the rows they write, the statements' text and parameters, the sizes of the arrays they pass and the JTA
 * transactions begun there; elsewhere it is {@link Jdbc}.
 */
@Alternative
@Priority(1)
@Singleton
public class CountingJdbc extends Jdbc {
    private static final ThreadLocal<Tally> COUNTING = new ThreadLocal<>();

    /** The work counted: statements executed, rows they wrote, arrays passed to them, transactions begun, SQL. */
    public static final class Tally {
        public int statements;
        public long rowsWritten;
        /** The number of elements of each array passed as a statement's parameter, in order. */
        public final List<Integer> arrays = new ArrayList<>();
        public int transactions;
        /** Each prepared statement's SQL, in order. */
        public final List<String> sql = new ArrayList<>();
        /** The parameters each prepared statement was last given, by position, in the order of {@link #sql}. */
        public final List<Map<Integer, Object>> parameters = new ArrayList<>();

        /**
         * Sets the parameters the {@code n}th statement was given on another statement, e.g. to run it again under
         * EXPLAIN ({@code RowsRead}); arrays are made anew on that statement's connection.
         */
        public Jdbc.Binder binder(int n) {
            Map<Integer, Object> given = parameters.get(n);
            return s -> {
                for (Map.Entry<Integer, Object> p : given.entrySet()) {
                    if (p.getValue() instanceof GivenArray a) {
                        s.setArray(p.getKey(), s.getConnection().createArrayOf(a.type(), a.elements()));
                    } else {
                        s.setObject(p.getKey(), p.getValue());
                    }
                }
            };
        }

        @Override
        public String toString() {
            return statements + " statements, " + rowsWritten + " rows written, arrays of " + arrays + ", "
                    + transactions + " transactions";
        }
    }

    /** An array given as a parameter: its SQL element type and its elements. */
    private record GivenArray(String type, Object[] elements) {
    }

    public CountingJdbc(AgroalDataSource db, Dialect dialect) {
        super(db, dialect);
    }

    /** Runs {@code work} on this thread and returns what it cost; its failure, if any, is rethrown. */
    public static Tally count(Runnable work) {
        Tally t = new Tally();
        COUNTING.set(t);
        try {
            work.run();
        } finally {
            COUNTING.remove();
        }
        return t;
    }

    /** {@link #count} of work with an answer: the tally goes to {@code into}. */
    public static <T> T count(Tally into, Supplier<T> work) {
        Object[] out = new Object[1];
        Tally t = count(() -> out[0] = work.get());
        into.statements += t.statements;
        into.rowsWritten += t.rowsWritten;
        into.arrays.addAll(t.arrays);
        into.transactions += t.transactions;
        into.sql.addAll(t.sql);
        into.parameters.addAll(t.parameters);
        @SuppressWarnings("unchecked")
        T answer = (T) out[0];
        return answer;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        Tally t = COUNTING.get();
        if (t != null) {
            t.transactions++;
        }
    }

    @Override
    public <T> T onConnection(Work<T> work) {
        Tally t = COUNTING.get();
        return t == null ? super.onConnection(work) : super.onConnection(c -> work.run(counting(c, t)));
    }

    private static Connection counting(Connection c, Tally t) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    Object out = invoke(c, m, args);
                    Map<Integer, Object> parameters = new TreeMap<>();
                    if (m.getName().equals("prepareStatement")) {
                        t.sql.add((String) args[0]);
                        t.parameters.add(parameters);
                    }
                    return out instanceof Statement s ? counting(s, m.getReturnType(), t, parameters) : out;
                });
    }

    private static Object counting(Statement s, Class<?> type, Tally t, Map<Integer, Object> parameters) {
        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals("setArray")) {
                Array a = (Array) args[1];
                Object[] elements = (Object[]) a.getArray();
                t.arrays.add(elements.length);
                parameters.put((Integer) args[0], new GivenArray(a.getBaseTypeName(), elements));
            } else if (m.getName().startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer i) {
                parameters.put(i, args[1]);
            }
            Object out = invoke(s, m, args);
            if (m.getName().startsWith("execute")) {
                t.statements++;
                if (out instanceof Integer n) {
                    t.rowsWritten += n;
                } else if (out instanceof Long n) {
                    t.rowsWritten += n;
                }
            }
            return out;
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
