OMost.OMore.O.I.IMore.IMost.content: e

