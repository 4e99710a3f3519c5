#!/usr/bin/env python3
# The reads a version chain (things.prev + tip) would cost, against the version index (history) they replace, on one
# file of 106,250 versions with one thing of 100,000. A model of both layouts in Python's sqlite3, not the runtime:
# benchmarks/README.md, write path round 9, step 7 of the plan. Writes chain.db in the temp folder. Run: python3 chain-reads.py
import os, sqlite3, tempfile, time

path = os.path.join(tempfile.gettempdir(), 'chain.db')
for f in (path, path+'-wal', path+'-shm'):
    if os.path.exists(f): os.remove(f)
db=sqlite3.connect(path, isolation_level=None)
db.executescript("""
PRAGMA page_size=2048; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
CREATE TABLE things (version INTEGER PRIMARY KEY, branch INTEGER NOT NULL, noun INTEGER NOT NULL, id TEXT NOT NULL, data TEXT, deleted INTEGER NOT NULL, action INTEGER, prev INTEGER);
CREATE TABLE tip (noun INTEGER NOT NULL, id TEXT NOT NULL, branch INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (noun, id, branch)) WITHOUT ROWID;
CREATE TABLE history (noun INTEGER NOT NULL, id TEXT NOT NULL, branch INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (noun, id, branch, version)) WITHOUT ROWID;
""")
data='{"name":"Acme","priority":1,"tags":[]}'
# One hot thing with 100,000 versions, and a write to one of four others every 16 versions.
db.execute("BEGIN")
v=0; tips={}
rows=[]
def add(thing, branch=1):
    global v
    v+=1
    prev=tips.get((thing,branch)) or (tips.get((thing,1)) if branch!=1 else None)
    rows.append((v,branch,1,thing,data,0,v,prev))
    tips[(thing,branch)]=v
for i in range(100_000):
    add('hot')
    if i % 16 == 0:
        add('s%d' % (i % 64))
db.executemany("INSERT INTO things VALUES (?,?,?,?,?,?,?,?)", rows)
db.executemany("INSERT INTO tip VALUES (1,?,?,?)", [(k[0],k[1],val) for k,val in tips.items()])
db.execute("INSERT INTO history SELECT noun,id,branch,version FROM things ORDER BY noun,id,branch,version")
db.execute("COMMIT")
print("versions", v)

def timeit(name, sql, params, n=2000):
    cur=db.execute(sql, params).fetchall()
    t=time.perf_counter()
    for _ in range(n):
        db.execute(sql, params).fetchall()
    dt=(time.perf_counter()-t)/n*1e6
    print(f"{name:60s} {dt:9.1f} us  -> {cur[:1]}")

timeit("HEAD via history (today, merge form)", "SELECT version FROM history WHERE noun=1 AND id=? AND branch=1 ORDER BY version DESC LIMIT 1", ('hot',))
timeit("HEAD via tip", "SELECT version FROM tip WHERE noun=1 AND id=? AND branch=1", ('hot',))
timeit("@~1 via history", "SELECT version FROM history WHERE noun=1 AND id=? AND branch=1 ORDER BY version DESC LIMIT 1 OFFSET 1", ('hot',))
chain_n = """
WITH RECURSIVE c(version, depth) AS (
  SELECT version, 0 FROM tip WHERE noun=1 AND id=? AND branch=1
  UNION ALL
  SELECT t.prev, c.depth + 1 FROM things AS t JOIN c ON t.version = c.version WHERE t.prev IS NOT NULL AND c.depth < ?
)
SELECT version FROM c WHERE depth = ?"""
timeit("@~1 via chain (depth-limited walk)", chain_n, ('hot',1,1))
timeit("@~10 via chain", chain_n, ('hot',10,10))
timeit("@~100 via chain", chain_n, ('hot',100,100), n=500)
timeit("@~100 via history", "SELECT version FROM history WHERE noun=1 AND id=? AND branch=1 ORDER BY version DESC LIMIT 1 OFFSET 100", ('hot',), n=500)
full = """
WITH RECURSIVE c(version) AS (
  SELECT version FROM tip WHERE noun=1 AND id=? AND branch=1
  UNION ALL
  SELECT t.prev FROM things AS t JOIN c ON t.version = c.version WHERE t.prev IS NOT NULL
)
SELECT count(*) FROM c"""
timeit("whole history of the 100,000-version thing via chain", full, ('hot',), n=5)
timeit("whole history via history index", "SELECT count(*) FROM history WHERE noun=1 AND id=? AND branch=1", ('hot',), n=5)
timeit("listing: HEAD of every thing of the noun via tip", "SELECT count(*) FROM tip WHERE noun=1 AND branch=1", (), n=200)
timeit("listing via history GROUP BY (today)", "SELECT count(*) FROM (SELECT MAX(version) FROM history WHERE noun=1 AND branch=1 GROUP BY id)", (), n=5)

scoped = """
WITH RECURSIVE w(version) AS (
  SELECT version FROM tip WHERE noun=1 AND id=? AND branch IN (2, 1)
  UNION ALL
  SELECT t.prev FROM things AS t JOIN w ON t.version = w.version
  WHERE t.prev IS NOT NULL AND NOT (t.branch = 2 OR (t.branch = 1 AND t.version <= ?))
)
SELECT max(w.version) FROM w JOIN things AS t ON t.version = w.version WHERE t.branch = 2 OR (t.branch = 1 AND t.version <= ?)"""
# Branch 2 forked from main half-way through the log, and never wrote 'hot': its HEAD is main's as of the fork.
fork = rows[len(rows)//2][0]
timeit("branch HEAD, never written on the branch, main moved on (walk)", scoped, ('hot', fork, fork), n=5)
timeit("branch HEAD via history (today)", "SELECT version FROM history WHERE noun=1 AND id=? AND ((branch=2) OR (branch=1 AND version <= ?)) ORDER BY version DESC LIMIT 1", ('hot', fork), n=200)
