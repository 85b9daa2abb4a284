Good translator defn
