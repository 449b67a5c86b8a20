package io.switchboard.activity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that counts the rows its result sets hand to the application (queries' rows and generated keys
 * alike): what a piece of code reads from the database, whatever SQL it sends.
 */
final class RowsFetched {

    private final AtomicLong rows = new AtomicLong();

    long count() {
        return rows.get();
    }

    DataSource around(DataSource target) {
        return (DataSource) wrap(DataSource.class, target);
    }

    private Object wrap(Class<?> type, Object target) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (type == ResultSet.class && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                rows.incrementAndGet();
            }
            if (result instanceof ResultSet resultSet && type != ResultSet.class) {
                return wrap(ResultSet.class, resultSet);
            }
            if (result instanceof Statement statement && type != Statement.class) {
                return wrap(interfaceOf(statement), statement);
            }
            if (result instanceof Connection connection && type == DataSource.class) {
                return wrap(Connection.class, connection);
            }
            return result;
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Class<?> interfaceOf(Statement statement) {
        if (statement instanceof CallableStatement) {
            return CallableStatement.class;
        }
        return statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    }
}
