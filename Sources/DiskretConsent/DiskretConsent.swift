// The consent registry lives in this module (see issue 4).
