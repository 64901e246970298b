package io.neckbeard.coordinator.simpledb;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.services.simpledb.AbstractAmazonSimpleDB;
import com.amazonaws.services.simpledb.model.Attribute;
import com.amazonaws.services.simpledb.model.CreateDomainRequest;
import com.amazonaws.services.simpledb.model.CreateDomainResult;
import com.amazonaws.services.simpledb.model.DeleteAttributesRequest;
import com.amazonaws.services.simpledb.model.DeleteAttributesResult;
import com.amazonaws.services.simpledb.model.GetAttributesRequest;
import com.amazonaws.services.simpledb.model.GetAttributesResult;
import com.amazonaws.services.simpledb.model.PutAttributesRequest;
import com.amazonaws.services.simpledb.model.PutAttributesResult;
import com.amazonaws.services.simpledb.model.ReplaceableAttribute;
import com.amazonaws.services.simpledb.model.UpdateCondition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SimpleDB in memory, for the contract suite (moto's SimpleDB ignores conditions). It keeps what
 * the backend relies on, as the SimpleDB API reference states it: an {@code Expected} condition on
 * one attribute, checked atomically with the put or delete (ConditionalCheckFailed, 409, when the
 * value differs or an attribute expected absent exists; AttributeDoesNotExist, 404, when it is
 * absent), multi-valued attributes ({@code replace=false} adds a value), 1,024 bytes per name and
 * value, 256 name-value pairs per item and per call, NoSuchDomain. Reads that do not ask for
 * consistency see the item as it was before its last change, as an eventually consistent
 * replica may: a backend that forgets {@code ConsistentRead} fails the suite.
 */
class InMemorySimpleDb extends AbstractAmazonSimpleDB {
    private final Map<String, Map<String, Item>> domains = new HashMap<>();
    /** How many calls changed something: tests read it to see that a refused write changed nothing. */
    final AtomicInteger changes = new AtomicInteger();

    @Override
    public synchronized CreateDomainResult createDomain(CreateDomainRequest request) {
        domains.putIfAbsent(request.getDomainName(), new HashMap<>());
        return new CreateDomainResult();
    }

    @Override
    public synchronized GetAttributesResult getAttributes(GetAttributesRequest request) {
        Item item = domain(request.getDomainName()).get(request.getItemName());
        Map<String, Set<String>> seen = item == null ? Map.of()
                : Boolean.TRUE.equals(request.getConsistentRead()) ? item.current : item.previous;
        List<Attribute> attributes = new ArrayList<>();
        seen.forEach((name, values) -> values.forEach(value -> attributes.add(new Attribute(name, value))));
        return new GetAttributesResult().withAttributes(attributes);
    }

    @Override
    public synchronized PutAttributesResult putAttributes(PutAttributesRequest request) {
        Map<String, Item> items = domain(request.getDomainName());
        if (request.getAttributes().size() > 256) {
            throw error("NumberSubmittedAttributesExceeded", 409, "Too many attributes in this request");
        }
        Item item = items.computeIfAbsent(request.getItemName(), name -> new Item());
        check(item.current, request.getExpected());
        Map<String, Set<String>> next = copy(item.current);
        for (ReplaceableAttribute attribute : request.getAttributes()) {
            checkLength(attribute.getName());
            checkLength(attribute.getValue());
            if (Boolean.TRUE.equals(attribute.getReplace())) {
                next.remove(attribute.getName());
            }
        }
        for (ReplaceableAttribute attribute : request.getAttributes()) {
            next.computeIfAbsent(attribute.getName(), name -> new LinkedHashSet<>()).add(attribute.getValue());
        }
        if (next.values().stream().mapToInt(Set::size).sum() > 256) {
            throw error("NumberItemAttributesExceeded", 409, "Too many attributes in this item");
        }
        item.change(next);
        return new PutAttributesResult();
    }

    @Override
    public synchronized DeleteAttributesResult deleteAttributes(DeleteAttributesRequest request) {
        Map<String, Item> items = domain(request.getDomainName());
        Item item = items.get(request.getItemName());
        check(item == null ? Map.of() : item.current, request.getExpected());
        if (item == null) {
            return new DeleteAttributesResult();
        }
        Map<String, Set<String>> next = copy(item.current);
        if (request.getAttributes().isEmpty()) {
            next.clear();
        }
        for (Attribute attribute : request.getAttributes()) {
            if (attribute.getValue() == null) {
                next.remove(attribute.getName());
            } else if (next.containsKey(attribute.getName())) {
                next.get(attribute.getName()).remove(attribute.getValue());
            }
        }
        next.values().removeIf(Set::isEmpty);
        item.change(next);
        return new DeleteAttributesResult();
    }

    /** Every item name with its attributes, for tests that look at (or damage) what is stored. */
    synchronized Map<String, Map<String, Set<String>>> items(String domain) {
        Map<String, Map<String, Set<String>>> all = new TreeMap<>();
        domain(domain).forEach((name, item) -> {
            if (!item.current.isEmpty()) {
                all.put(name, copy(item.current));
            }
        });
        return all;
    }

    /** Replaces one attribute's value behind the backend's back, as damage would. */
    synchronized void overwrite(String domain, String item, String attribute, String value) {
        Map<String, Set<String>> next = copy(domain(domain).get(item).current);
        next.put(attribute, new LinkedHashSet<>(List.of(value)));
        domain(domain).get(item).change(next);
    }

    private void check(Map<String, Set<String>> attributes, UpdateCondition expected) {
        if (expected == null) {
            return;
        }
        Set<String> values = attributes.get(expected.getName());
        if (Boolean.FALSE.equals(expected.getExists())) {
            if (values != null) {
                throw error("ConditionalCheckFailed", 409, "Conditional check failed. Attribute (" + expected.getName()
                        + ") value exists.");
            }
            return;
        }
        if (values == null) {
            throw error("AttributeDoesNotExist", 404, "Attribute (" + expected.getName() + ") does not exist");
        }
        if (values.size() != 1 || !values.contains(expected.getValue())) {
            throw error("ConditionalCheckFailed", 409, "Conditional check failed. Attribute (" + expected.getName()
                    + ") value is (" + values + ") but was expected (" + expected.getValue() + ")");
        }
    }

    private static void checkLength(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw error("InvalidParameterValue", 400, "Value (" + text.substring(0, 20) + "...) is too long");
        }
    }

    private Map<String, Item> domain(String name) {
        Map<String, Item> items = domains.get(name);
        if (items == null) {
            throw error("NoSuchDomain", 400, "The specified domain does not exist.");
        }
        return items;
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> attributes) {
        Map<String, Set<String>> copy = new TreeMap<>();
        attributes.forEach((name, values) -> copy.put(name, new LinkedHashSet<>(values)));
        return copy;
    }

    static AmazonServiceException error(String code, int status, String message) {
        AmazonServiceException e = new AmazonServiceException(message);
        e.setErrorCode(code);
        e.setStatusCode(status);
        e.setServiceName("AmazonSimpleDB");
        e.setErrorType(AmazonServiceException.ErrorType.Client);
        return e;
    }

    private final class Item {
        Map<String, Set<String>> current = Map.of();
        Map<String, Set<String>> previous = Map.of();

        void change(Map<String, Set<String>> next) {
            previous = current;
            current = next;
            changes.incrementAndGet();
        }
    }
}
