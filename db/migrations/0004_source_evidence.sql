-- Sources say how strong they are (audit D38): the evidence tag of the clinical reference (P
-- peer-reviewed, G guideline, Pr clinic protocol, Sec secondary summary, C convention) and, where
-- known, the DOI and the PubMed id. All three stay empty for sources nobody has graded.

ALTER TABLE exercise_sources ADD COLUMN evidence_level TEXT CHECK (evidence_level IS NULL OR evidence_level IN ('P', 'G', 'Pr', 'Sec', 'C'));
ALTER TABLE exercise_sources ADD COLUMN doi TEXT CHECK (doi IS NULL OR doi LIKE '10.%');
ALTER TABLE exercise_sources ADD COLUMN pmid TEXT CHECK (pmid IS NULL OR (pmid <> '' AND pmid NOT GLOB '*[^0-9]*'));
