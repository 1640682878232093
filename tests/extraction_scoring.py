"""The extraction score, as the evaluation computes it: tasks pair one to one, greedily by
lead similarity, among those with the same deadline and recurrence; leads match when, after
NFC, case folding, dropping punctuation and the words "giao", "các", "đề", "nghị", "cho",
"từng", "mỗi", their syllable sets overlap by Jaccard >= 0.6. Shared by the held-out and the
real-corpus tests."""
import re
import unicodedata

STOP = {"giao", "các", "đề", "nghị", "cho", "từng", "mỗi"}
THRESHOLD = 0.6


def syllables(name: str) -> frozenset:
    s = unicodedata.normalize("NFC", name or "").casefold()
    s = re.sub(r"[^\w\s]", " ", s)
    return frozenset(w for w in s.split() if w not in STOP)


def similar(a: str, b: str) -> float:
    x, y = syllables(a), syllables(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def pair(gold: list[str], pred: list[str]) -> int:
    cands = sorted(((similar(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g, used_p = set(), set()
    for s, i, j in cands:
        if s < THRESHOLD:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def score(gold: list[dict], pred: list[dict]) -> dict:
    cands = sorted(((similar(g["lead"], p["lead"]), i, j)
                    for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if g["deadline"] == p["deadline"] and g["recurrence"] == p["recurrence"]), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, i, j in cands:
        if s < THRESHOLD:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    c_tp = sum(pair(gold[i]["coordinators"], pred[j]["coordinators"]) for i, j in pairs)
    return {"tp": len(pairs), "gold": len(gold), "pred": len(pred), "c_tp": c_tp,
            "c_gold": sum(len(gold[i]["coordinators"]) for i, _ in pairs),
            "c_pred": sum(len(pred[j]["coordinators"]) for _, j in pairs),
            "missed": [gold[i] for i in range(len(gold)) if i not in used_g],
            "spurious": [pred[j] for j in range(len(pred)) if j not in used_p]}


def f1(tp: int, gold: int, pred: int) -> float:
    p = tp / pred if pred else float(not gold)
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0
