OMost.dummy_More: 0
OMost.OMore.dummy_More: 1
OMost.OMore.O.dummy_More: 2
OMost.OMore.O.I.dummy_More: 3
OMost.OMore.O.I.IMore.dummy_More:4
OMost.OMore.O.I.IMore.IMost.position: 5
OMost.OMore.O.I.IMore.IMost.content: e

