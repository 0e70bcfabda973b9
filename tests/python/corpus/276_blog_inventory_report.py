# An inventory report: dicts of records, grouping, totals and a formatted table with separators.
inventory = [
    {"sku": "A-100", "name": "Widget", "category": "tools", "qty": 120, "price": 2.5},
    {"sku": "B-220", "name": "Gadget", "category": "electronics", "qty": 8, "price": 19.99},
    {"sku": "A-101", "name": "Spanner", "category": "tools", "qty": 0, "price": 7.25},
    {"sku": "C-300", "name": "Cable", "category": "electronics", "qty": 250, "price": 1.1},
    {"sku": "D-010", "name": "Glue", "category": "supplies", "qty": 33, "price": 3.333},
]
header = f"{'SKU':<7}{'Name':<10}{'Qty':>6}{'Price':>9}{'Value':>11}"
print(header)
print("-" * len(header))
totals = {}
for item in sorted(inventory, key=lambda i: (i["category"], i["name"])):
    value = item["qty"] * item["price"]
    totals[item["category"]] = totals.get(item["category"], 0) + value
    flag = " (out)" if item["qty"] == 0 else ""
    print(f"{item['sku']:<7}{item['name']:<10}{item['qty']:>6}{item['price']:>9.2f}{value:>11,.2f}{flag}")
print("-" * len(header))
for category, value in sorted(totals.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{category.title():<23}{value:>19,.2f}")
grand = sum(totals.values())
print(f"{'Total':<23}{grand:>19,.2f}")
low = [i["name"] for i in inventory if i["qty"] < 10]
print("restock:", ", ".join(low) if low else "nothing")
share = {c: f"{v / grand:.1%}" for c, v in totals.items()}
print(share)
