"""English segmentation data."""

ABBREVIATIONS = frozenset(
    """
    Dr. Mr. Mrs. Ms. Mx. Prof. Sr. Jr. St. Gen. Col. Lt. Maj. Capt. Cmdr. Adm. Sgt. Gov. Sen. Rep.
    Pres. Amb. Rev. Hon. Messrs. Mt. Ft. Ave. Blvd. Rd. Co. Corp. Inc. Ltd. Bros. Dept. Univ. Assn.
    Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
    Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
    p. pp. para. ch. chap. vol. no. nos. No. Nos. fig. Fig. eq. ed. eds. art. Art. sec. cf. approx. ca. vs. etc.
    e.g. i.e. a.m. p.m. U.S. U.K. U.N. E.U. U.S.A. D.C.
    """.split()
)
# "etc." often ends a sentence; it is kept only when a lower-case word follows (see segment.py).
WEAK_ABBREVIATIONS = frozenset({"etc.", "a.m.", "p.m.", "U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "D.C."})
NUMBER_ABBREVIATIONS = frozenset(
    {"p.", "pp.", "no.", "No.", "Nos.", "nos.", "vol.", "fig.", "Fig.", "ch.", "art.", "Art.", "sec."}
)
INITIAL_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
